package kr.civilportal.gateway.relay;

import java.time.Instant;
import java.util.UUID;

/**
 * A report the gateway holds (or held) for the emergency-report service, as its reporter may see it.
 *
 * @param serviceBody the service's answer once forwarded (its receipt, with the report's id and receipt token)
 */
public record HeldReport(UUID id, Instant receivedAt, String idempotencyKey, State state, int attempts,
                         Instant deliveredAt, Integer serviceStatus, String serviceLocation, byte[] serviceBody) {

    public enum State {
        /** Waiting for the service. */
        HELD,
        /** The service took it; its answer is kept. */
        DELIVERED,
        /** The service refused it for good (a 4xx other than 409/429): a person must look at it. */
        FAILED,
        /**
         * Refused, then settled by a dispatch supervisor (who took it by other means and says how); its content is
         * emptied as on delivery. See {@link HeldReportSupervision}.
         */
        RESOLVED
    }
}
