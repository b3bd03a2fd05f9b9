package kr.civilportal.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormSentWithoutSessionTest {

    @Test
    void theFormsPageGetsTheNoticeItsQueryAndFragmentKept() {
        assertEquals("/my/passport/review?resend=true", FormSentWithoutSession.withResend("/my/passport/review"));
        assertEquals("/admin/move-ins?mode=JOIN_HOUSEHOLD&resend=true#movein-1",
                FormSentWithoutSession.withResend("/admin/move-ins?mode=JOIN_HOUSEHOLD#movein-1"));
    }

    @Test
    void onlyAPathOfThisSiteIsAWayBack() {
        assertTrue(FormSentWithoutSession.isLocal("/my/land/parcels/1"));
        for (String elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil", "/a b", "evil"}) {
            assertFalse(FormSentWithoutSession.isLocal(elsewhere), elsewhere);
        }
    }
}
