package kr.civilportal.gateway.relay;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A report as it goes to the service: exactly the bytes the reporter sent (the service fingerprints them, so
 * a forward of a report it already took is recognised as a repeat), with the Idempotency-Key.
 *
 * @param headers the headers to send (content type, key, forwarding and trace headers)
 * @param host    the Host the reporter used (may be null), so links the service builds point at the gateway
 */
public record OutgoingReport(MultiMap headers, Buffer body, String host) {
}
