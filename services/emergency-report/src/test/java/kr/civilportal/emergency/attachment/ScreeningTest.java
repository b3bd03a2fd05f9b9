package kr.civilportal.emergency.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.emergency.report.ReportWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreeningTest {

    /** Small limits, so the rules show with small files. */
    static final AttachmentLimits LIMITS = new AttachmentLimits() {
        public long maxPhotoBytes() {
            return 1000;
        }

        public long maxVideoBytes() {
            return 3000;
        }

        public long maxReportBytes() {
            return 4000;
        }

        public int maxCount() {
            return 3;
        }
    };

    @TempDir
    Path dir;

    private IncomingFile file(String declared, byte[] bytes) throws IOException {
        Path p = Files.createTempFile(dir, "upload", ".bin");
        Files.write(p, bytes);
        return new IncomingFile(declared, bytes.length, p);
    }

    @Test
    void goodFilesAreKeptWithTheTypeTheirBytesShow() throws IOException {
        Screening.Result r = Screening.screen(List.of(file("image/jpeg", Fixtures.jpeg(500)),
                file("video/mp4", Fixtures.mp4(2000))), LIMITS, "attachments");
        assertEquals(List.of(AttachmentType.JPEG, AttachmentType.MP4),
                r.accepted().stream().map(Screening.Accepted::type).toList());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void badFilesAreLeftOutEachWithAWarningNamingIt() throws IOException {
        Screening.Result r = Screening.screen(List.of(
                file("image/jpeg", Fixtures.html()),          // [0] mislabelled: not a photo at all
                file("image/png", Fixtures.png(1001)),        // [1] photo over 1000
                file("image/png", new byte[0]),               // [2] empty
                file("image/jpeg", Fixtures.jpeg(100))), LIMITS, "attachments");
        assertEquals(1, r.accepted().size());
        assertEquals(List.of("attachments[0]", "attachments[1]", "attachments[2]"),
                r.warnings().stream().map(ReportWarning::field).toList());
        assertEquals(List.of("attachment-type-not-accepted", "attachment-too-large", "attachment-empty"),
                r.warnings().stream().map(ReportWarning::code).toList());
    }

    @Test
    void aRightFileUnderAWrongLabelIsKeptWithAWarning() throws IOException {
        Screening.Result r = Screening.screen(List.of(file("video/mp4", Fixtures.jpeg(100)),
                file("image/jpg", Fixtures.jpeg(100)), file("application/octet-stream", Fixtures.png(100))),
                LIMITS, "attachments");
        assertEquals(3, r.accepted().size());
        assertEquals(List.of("attachment-type-mislabelled"), r.warnings().stream().map(ReportWarning::code).toList());
    }

    @Test
    void perReportLimitsKeepTheFirstFiles() throws IOException {
        Screening.Result r = Screening.screen(List.of(file(null, Fixtures.mp4(2500)), file(null, Fixtures.mp4(2500)),
                file(null, Fixtures.jpeg(10)), file(null, Fixtures.jpeg(10)), file(null, Fixtures.jpeg(10))),
                LIMITS, "attachments");
        assertEquals(3, r.accepted().size());
        assertEquals(List.of("attachments-over-report-limit", "attachments-too-many"),
                r.warnings().stream().map(ReportWarning::code).toList());
    }
}
