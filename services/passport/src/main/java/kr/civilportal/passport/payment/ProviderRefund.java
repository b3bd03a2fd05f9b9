package kr.civilportal.passport.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A refund as the provider describes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderRefund(String refundId, String paymentId, long amount, String reason, String state,
                             Instant createdAt) {
}
