package kr.civilportal.common.idempotency;

/** What a repeat gets while the first request with its key is still being processed. */
public enum InProgressPolicy {
    /** The draft's default: 409, the client retries later. */
    REJECT,
    /**
     * Wait until the first finishes, then replay its answer (or, if it failed and rolled back, run this one).
     * For 119 reports: a reporter whose phone retried must get their receipt, not an error to interpret.
     */
    WAIT
}
