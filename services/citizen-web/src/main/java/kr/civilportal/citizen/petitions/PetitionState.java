package kr.civilportal.citizen.petitions;

import java.util.Map;

/**
 * The states citizens know from Government24 (정부24), whatever each service calls its own steps:
 * 결제대기 awaiting payment, 접수 received, 처리중 in progress, 보완요청 supplement requested, 처리완료 completed,
 * 반려 rejected, 취하 withdrawn.
 */
public enum PetitionState {
    AWAITING_PAYMENT, // 결제대기: filed, the fee to be paid before the office receives it
    RECEIVED,
    IN_PROGRESS,
    SUPPLEMENT_REQUESTED,
    COMPLETED,
    REJECTED,
    WITHDRAWN; // 취하: taken back by the citizen

    private static final Map<String, PetitionState> PASSPORT = Map.of(
            // Submitted to be paid online: not received by the office until the fee is paid.
            "AWAITING_PAYMENT", AWAITING_PAYMENT,
            "SUBMITTED", RECEIVED,
            "UNDER_REVIEW", IN_PROGRESS,
            "APPROVED", IN_PROGRESS,
            "PRINTING", IN_PROGRESS,
            // Made, waiting at the office: the citizen still has to do something, so not completed yet.
            "READY_FOR_PICKUP", IN_PROGRESS,
            "SUPPLEMENT_REQUESTED", SUPPLEMENT_REQUESTED,
            "ISSUED", COMPLETED,
            "REJECTED", REJECTED);

    private static final Map<String, PetitionState> MOVE_IN = Map.of(
            // A request to join a household is received; it waits for the head before an officer takes it.
            "AWAITING_HEAD", RECEIVED,
            "WITHDRAWN", WITHDRAWN,
            "SUBMITTED", RECEIVED,
            // Asked for something by a day (보완요청); answered, it is received again (접수).
            "SUPPLEMENT_REQUESTED", SUPPLEMENT_REQUESTED,
            "APPROVED", COMPLETED,
            "REJECTED", REJECTED);

    private static final Map<String, PetitionState> REPORT = Map.of(
            "RECEIVED", RECEIVED,
            // Seen by a dispatcher, then units on their way: in hand, not finished.
            "ACKNOWLEDGED", IN_PROGRESS,
            "DISPATCHED", IN_PROGRESS,
            "CLOSED", COMPLETED);

    public static PetitionState ofPassport(String status) {
        return of(PASSPORT, status, "passport");
    }

    public static PetitionState ofMoveIn(String status) {
        return of(MOVE_IN, status, "move-in");
    }

    public static PetitionState ofReport(String status) {
        return of(REPORT, status, "119 report");
    }

    /** The CSS modifier and message-key suffix. */
    public String key() {
        return name().toLowerCase();
    }

    private static PetitionState of(Map<String, PetitionState> table, String status, String what) {
        PetitionState state = table.get(status);
        if (state == null) {
            throw new IllegalArgumentException("Unknown " + what + " status: " + status);
        }
        return state;
    }
}
