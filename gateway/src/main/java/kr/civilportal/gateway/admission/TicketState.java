package kr.civilportal.gateway.admission;

/** Where a ticket stands, in the shared queue or in a replica's own, for its holder's poll. */
sealed interface TicketState {

    TicketState GONE = new Gone();

    record Waiting(int position) implements TicketState {
    }

    record Admitted(long admittedAt, long passExpiresAt) implements TicketState {
    }

    /** Never issued by this queue, passed over after its holder stopped asking, or its pass ran out. */
    record Gone() implements TicketState {
    }

    /** A ticket let in at {@code admittedAt}: its pass, if still valid at {@code now}. */
    static TicketState admitted(long admittedAt, long passValidityMillis, long now) {
        return admittedAt + passValidityMillis > now
                ? new Admitted(admittedAt, admittedAt + passValidityMillis) : GONE;
    }
}
