package kr.civilportal.citizen.report;

/** A report the gateway's 119 relay holds: waiting for the service, delivered, or refused by it. */
public enum HeldState {
    HELD,
    DELIVERED,
    FAILED
}
