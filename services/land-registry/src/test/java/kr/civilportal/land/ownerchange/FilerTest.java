package kr.civilportal.land.ownerchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whether a citizen files for themself, and the resident id a token's claim gives (plain rules, no Quarkus). */
class FilerTest {

    private static final UUID RESIDENT = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000002");

    @Test
    void theFilersOwnNameSpacesAsideIsFilingForThemself() {
        Filer filer = new Filer(RESIDENT, "이서연");
        assertTrue(filer.isNamed("이서연"));
        assertTrue(filer.isNamed(" 이 서연 "));
        assertFalse(filer.isNamed("이서윤"));
        assertFalse(filer.isNamed("서연 이"), "Korean names are family name first");
    }

    @Test
    void aFilerWhoseNameIsUnknownNeverFilesForThemself() {
        assertFalse(new Filer(RESIDENT, null).isNamed("이서연"));
    }

    @Test
    void aClaimThatIsNoIdLinksToNobody() {
        assertEquals(RESIDENT, Filer.residentIdOf(" " + RESIDENT + " "));
        assertNull(Filer.residentIdOf("not-an-id"));
        assertNull(Filer.residentIdOf(" "));
        assertNull(Filer.residentIdOf(null));
    }
}
