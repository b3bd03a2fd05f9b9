package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerificationLinkTest {

    @Test
    void joinsTheNumberToTheBaseWithOrWithoutItsSlash() {
        assertEquals("http://localhost:8080/api/land/v1/extracts/1234-5678-9012-3452",
                new VerificationLink("http://localhost:8080/api/land/v1/extracts").of("1234-5678-9012-3452").toString());
        assertEquals("http://localhost:8080/api/land/v1/extracts/1234-5678-9012-3452",
                new VerificationLink("http://localhost:8080/api/land/v1/extracts/").of("1234-5678-9012-3452").toString());
    }

    @Test
    void fillsAPagesQueryParameter() {
        assertEquals("http://localhost:8080/verify?number=1234-5678-9012-3452",
                new VerificationLink("http://localhost:8080/verify?number=").of("1234-5678-9012-3452").toString());
    }
}
