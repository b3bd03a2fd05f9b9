package kr.civilportal.passport.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A payment as the provider describes it (its API and its webhooks). Properties the provider adds later are ignored,
 * so its next version does not break passport. {@code state}: CREATED, SUCCEEDED, CANCELLED or EXPIRED.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderPayment(String paymentId, String state, long amount, String currency, String reference,
                              String description, String returnUrl, String nextUrl, Instant createdAt,
                              Instant expiresAt, Instant paidAt, String approvalNumber, String cardSummary,
                              long refundedAmount, List<ProviderRefund> refunds) {

    public static final String CREATED = "CREATED";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String CANCELLED = "CANCELLED";
    public static final String EXPIRED = "EXPIRED";

    public List<ProviderRefund> refundsOrNone() {
        return refunds == null ? List.of() : refunds;
    }
}
