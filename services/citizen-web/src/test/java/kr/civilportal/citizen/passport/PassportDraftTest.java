package kr.civilportal.citizen.passport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PassportDraftTest {

    @Test
    void aRadioLeftUnchosenMakesTheChoicesIncompleteRatherThanAnError() {
        PassportDraft draft = new PassportDraft();
        draft.kind = null;
        draft.validity = "TEN_YEARS";
        draft.pages = "58";
        assertFalse(draft.choicesComplete());
    }

    @Test
    void allThreeChosenAreComplete() {
        PassportDraft draft = new PassportDraft();
        draft.kind = "NEW";
        draft.validity = "TEN_YEARS";
        draft.pages = "26";
        assertTrue(draft.choicesComplete());
    }
}
