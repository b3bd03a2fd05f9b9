package kr.civilportal.paymentsandbox.payment;

/** A payment's life: created, then paid, cancelled by the citizen, or expired unpaid. Refunds keep SUCCEEDED. */
public enum PaymentState {
    CREATED("결제 대기", "Waiting for payment"),
    SUCCEEDED("결제 완료", "Paid"),
    CANCELLED("결제 취소", "Cancelled"),
    EXPIRED("결제 시간 만료", "Expired");

    private final String korean;
    private final String english;

    PaymentState(String korean, String english) {
        this.korean = korean;
        this.english = english;
    }

    public String korean() {
        return korean;
    }

    public String english() {
        return english;
    }
}
