package kr.civilportal.passport.payment;

/** A payment at the provider as passport has recorded it. */
public enum PaymentState {
    CREATED,   // created at the provider; the citizen may pay it until it expires
    PAID,      // the provider reported it succeeded (승인): a receipt
    CANCELLED, // the citizen cancelled on the provider's page
    EXPIRED    // not paid in time
}
