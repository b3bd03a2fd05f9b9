package kr.civilportal.passport.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The payment sandbox (or a PG with its API) behind SmallRye Fault Tolerance, like residency's client: a timeout per
 * call and a circuit breaker, so that while the provider is down calls fail at once instead of tying up request
 * threads. The values here are defaults; application.properties sets them
 * ({@code kr.civilportal.passport.payment.SandboxPaymentProvider/<method>/...}). No retry here: a citizen waits
 * behind the gateway's 2-second route timeout for create and get (they retry by pressing the button again, with
 * the same provider key), and the refund job retries with its own backoff. A 404 is an answer
 * ({@link UnknownPayment}), as is a 4xx refusal ({@link PaymentProviderException}): neither counts for the breaker.
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

    private static final int NOT_FOUND = 404;
    private static final int CLIENT_ERRORS = 400;
    private static final int SERVER_ERRORS = 500;

    private final SandboxPaymentClient client;
    private final String authorization;

    SandboxPaymentProvider(@RestClient SandboxPaymentClient client, PaymentSettings settings) {
        this.client = client;
        this.authorization = "Bearer " + settings.apiKey();
    }

    @Override
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = {UnknownPayment.class, PaymentProviderException.class})
    public ProviderPayment create(String idempotencyKey, NewPayment payment) {
        return call(null, () -> client.create(authorization, idempotencyKey, payment));
    }

    @Override
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = {UnknownPayment.class, PaymentProviderException.class})
    public ProviderPayment get(String paymentId) {
        return call(paymentId, () -> client.get(authorization, paymentId));
    }

    @Override
    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = {UnknownPayment.class, PaymentProviderException.class})
    public ProviderRefund refund(String paymentId, String idempotencyKey, long amountKrw, String reason) {
        return call(paymentId, () -> client.refund(authorization, idempotencyKey, paymentId,
                new SandboxPaymentClient.RefundRequest(amountKrw, reason)));
    }

    private static <T> T call(String paymentId, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? SERVER_ERRORS : e.getResponse().getStatus();
            if (status == NOT_FOUND && paymentId != null) {
                throw new UnknownPayment(paymentId);
            }
            if (status >= CLIENT_ERRORS && status < SERVER_ERRORS) {
                // Only the status: the provider's answer may echo what was sent, and nothing here needs it.
                throw new PaymentProviderException("The payment provider refused the request: HTTP " + status);
            }
            throw e;
        }
    }
}
