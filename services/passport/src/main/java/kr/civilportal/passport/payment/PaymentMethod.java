package kr.civilportal.passport.payment;

/**
 * How the applicant pays the fee (수수료 납부 방법): online through the payment provider before the application is
 * received, or at the passport office (창구 납부, what every application did before online payment).
 */
public enum PaymentMethod {
    ONLINE,     // 온라인 결제 (카드): the application waits for its payment (AWAITING_PAYMENT)
    AT_COUNTER  // 여권 접수처 방문 시 납부
}
