package kr.civilportal.gateway.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a supervisor reads of a held body: the report's JSON, and only the names, types and sizes of its files. */
class HeldReportContentTest {

    @Test
    void aJsonReportIsShownAsSent() {
        String json = "{\"category\":\"FIRE\",\"description\":\"불이 났어요\"}";
        HeldReportContent content = HeldReportContent.of("application/json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, content.report());
        assertEquals(List.of(), content.attachments());
    }

    @Test
    void aMultipartReportGivesItsJsonPartAndDescribesItsFiles() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"description\":\"연기\"}\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"현장.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nABCDE\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"clip.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n0123456789\r\n--b--\r\n";
        HeldReportContent content = HeldReportContent.of("multipart/form-data; boundary=\"b\"",
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"description\":\"연기\"}", content.report());
        assertEquals(List.of(new HeldReportContent.Attachment("attachments", "현장.jpg", "image/jpeg", 5),
                new HeldReportContent.Attachment("attachments", "clip.mp4", "video/mp4", 10)), content.attachments());
    }

    @Test
    void aReportPartSentAsABlobWithAFileNameIsStillTheReport() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"report\"; filename=\"blob\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"description\":\"연기\"}\r\n--b--\r\n";
        HeldReportContent content = HeldReportContent.of("multipart/form-data; boundary=b",
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"description\":\"연기\"}", content.report());
        assertEquals(List.of(), content.attachments());
    }

    @Test
    void aMalformedMultipartBodyShowsWhatCanBeRead() {
        HeldReportContent noBoundary = HeldReportContent.of("multipart/form-data", "x".getBytes(StandardCharsets.UTF_8));
        assertNull(noBoundary.report());
        HeldReportContent cutShort = HeldReportContent.of("multipart/form-data; boundary=b",
                ("--b\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{\"a\":1}\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"attachments\"; filename=\"x.jpg\"\r\n\r\nAB")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":1}", cutShort.report());
        assertEquals(List.of(), cutShort.attachments());
    }
}
