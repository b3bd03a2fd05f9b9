package kr.civilportal.passport.supplement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A 보완 document's download names it whole, whatever its characters: without Quarkus. */
class SupplementDocumentResourceTest {

    @Test
    void theDownloadNamesTheFileInUtf8PercentEncoded() {
        assertEquals("attachment; filename*=UTF-8''%EA%B8%B0%EB%B3%B8%EC%A6%9D%EB%AA%85%EC%84%9C%20%281%29.pdf",
                SupplementDocumentResource.contentDisposition("기본증명서 (1).pdf"));
        assertEquals("attachment; filename*=UTF-8''a%22b%3B.png",
                SupplementDocumentResource.contentDisposition("a\"b;.png"));
    }
}
