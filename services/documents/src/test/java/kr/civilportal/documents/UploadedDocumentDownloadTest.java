package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An uploaded document's download names it whole, whatever its characters, and is neither sniffed nor cached. */
class UploadedDocumentDownloadTest {

    @Test
    void theDownloadNamesTheFileInUtf8PercentEncoded() {
        assertEquals("attachment; filename*=UTF-8''%EA%B3%84%EC%95%BD%EC%84%9C%20%281%29.pdf",
                UploadedDocumentDownload.contentDisposition("계약서 (1).pdf"));
        assertEquals("attachment; filename*=UTF-8''a%22b%3B.png",
                UploadedDocumentDownload.contentDisposition("a\"b;.png"));
    }
}
