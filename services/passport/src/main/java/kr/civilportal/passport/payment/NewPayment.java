package kr.civilportal.passport.payment;

/** What passport asks the provider to create: the fee in KRW, the application as reference, where to come back. */
public record NewPayment(long amount, String currency, String reference, String description, String returnUrl) {

    public static final String KRW = "KRW";
}
