package kr.civilportal.passport.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PhotoRulesTest {

    @Test
    void aPassportSizedJpegPasses() {
        PhotoRules.Checked ok = PhotoRules.check(TestJpegs.plain(413, 531));
        assertEquals(413, ok.width());
        assertEquals(531, ok.height());
        assertEquals(700, PhotoRules.check(TestJpegs.plain(700, 900)).width());
        // 35:45 within the tolerance: one pixel of cropping either way.
        PhotoRules.check(TestJpegs.plain(414, 531));
    }

    @Test
    void everyBrokenRuleIsAPhotoFieldError() {
        assertRefused(null, "required");
        assertRefused(new byte[0], "required");
        assertRefused(TestJpegs.png(413, 531), "JPEG");
        assertRefused("not an image at all".getBytes(), "JPEG");
        byte[] fakeHeader = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2000);
        assertRefused(fakeHeader, "JPEG");
        assertRefused(TestJpegs.plain(300, 386), "413");
        assertRefused(TestJpegs.plain(600, 600), "35:45");
        assertRefused(TestJpegs.plain(413, 600), "35:45");
        byte[] large = TestJpegs.noisy(1400, 1800);
        assertTrue(large.length > PhotoRules.MAX_BYTES, "the test photo must be over the limit: " + large.length);
        assertRefused(large, "500 KB");
    }

    private static void assertRefused(byte[] content, String saying) {
        ProblemException e = assertThrows(ProblemException.class, () -> PhotoRules.check(content));
        assertEquals(400, e.problem().status());
        assertEquals("photo", e.problem().errors().get(0).field());
        assertTrue(e.problem().detail().contains(saying), e.problem().detail());
    }
}
