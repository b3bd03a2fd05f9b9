package kr.civilportal.passport.payment;

/**
 * A payment provider (PG): the sandbox now ({@link SandboxPaymentProvider}), a real PG as another implementation
 * later. Every method either answers or throws: {@link UnknownPayment} when the provider has no such payment (an
 * answer), {@link PaymentProviderException} when it refused the request, anything else when it could not be
 * reached (down, too slow, breaker open): the caller leaves things as they are and tries again later.
 */
public interface PaymentProvider {

    /** Creates a payment; the same {@code idempotencyKey} with the same payment gives the same payment again. */
    ProviderPayment create(String idempotencyKey, NewPayment payment);

    ProviderPayment get(String paymentId);

    /** Refunds {@code amountKrw} of a succeeded payment; the same {@code idempotencyKey} gives the same refund again. */
    ProviderRefund refund(String paymentId, String idempotencyKey, long amountKrw, String reason);

    /** The provider has no payment with this id. */
    final class UnknownPayment extends RuntimeException {
        public UnknownPayment(String paymentId) {
            super("The payment provider has no payment " + paymentId);
        }
    }

    /** The provider answered with a refusal (4xx other than 404): retrying the same request will not help soon. */
    final class PaymentProviderException extends RuntimeException {
        public PaymentProviderException(String message) {
            super(message);
        }
    }
}
