package kr.civilportal.citizen.petitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kr.civilportal.citizen.report.ReportStatus;
import org.junit.jupiter.api.Test;

class PetitionStateTest {

    @Test
    void passportStepsShowAsTheFiveStatesCitizensKnow() {
        assertEquals(PetitionState.AWAITING_PAYMENT, PetitionState.ofPassport("AWAITING_PAYMENT"),
                "결제대기: submitted to be paid online, not yet received by the office");
        assertEquals(PetitionState.RECEIVED, PetitionState.ofPassport("SUBMITTED"));
        assertEquals(PetitionState.IN_PROGRESS, PetitionState.ofPassport("UNDER_REVIEW"));
        assertEquals(PetitionState.IN_PROGRESS, PetitionState.ofPassport("READY_FOR_PICKUP"));
        assertEquals(PetitionState.SUPPLEMENT_REQUESTED, PetitionState.ofPassport("SUPPLEMENT_REQUESTED"));
        assertEquals(PetitionState.COMPLETED, PetitionState.ofPassport("ISSUED"));
        assertEquals(PetitionState.REJECTED, PetitionState.ofPassport("REJECTED"));
    }

    @Test
    void moveInDecisionsAreCompletedOrRejected() {
        assertEquals(PetitionState.RECEIVED, PetitionState.ofMoveIn("SUBMITTED"));
        assertEquals(PetitionState.COMPLETED, PetitionState.ofMoveIn("APPROVED"));
        assertEquals(PetitionState.REJECTED, PetitionState.ofMoveIn("REJECTED"));
    }

    @Test
    void aReportIsInProgressFromTheDispatchersFirstLookUntilItIsClosed() {
        for (ReportStatus status : ReportStatus.values()) {
            PetitionState state = PetitionState.ofReport(status.name());
            assertEquals(switch (status) {
                case RECEIVED -> PetitionState.RECEIVED;
                case ACKNOWLEDGED, DISPATCHED -> PetitionState.IN_PROGRESS;
                case CLOSED -> PetitionState.COMPLETED;
            }, state, status.name());
        }
    }

    @Test
    void anUnknownStatusIsAnErrorNotAGuess() {
        assertThrows(IllegalArgumentException.class, () -> PetitionState.ofPassport("LOST"));
    }
}
