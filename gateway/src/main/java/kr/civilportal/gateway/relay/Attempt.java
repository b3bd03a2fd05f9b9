package kr.civilportal.gateway.relay;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** What one try to hand a report to the service came to. */
public sealed interface Attempt {

    /** The service answered (any status). */
    record Answered(int status, MultiMap headers, Buffer body) implements Attempt {
    }

    /** No replica took the connection, or the one that did gave no answer in time. */
    record Unreachable(String reason) implements Attempt {
    }

    /** What the journal does with a held report after this attempt. */
    default Disposition disposition() {
        if (this instanceof Answered a) {
            int s = a.status();
            if (s >= 200 && s < 300) {
                return Disposition.DELIVERED;
            }
            // 502/503/504: no replica that can take it (shutting down, or its database gone): as if away.
            if (s == 502 || s == 503 || s == 504) {
                return Disposition.UNREACHABLE;
            }
            // 409: the same key is still being processed; 429: told to slow down; other 5xx: the service is unwell.
            if (s == 409 || s == 429 || s >= 500) {
                return Disposition.RETRY;
            }
            return Disposition.FAILED;
        }
        return Disposition.UNREACHABLE;
    }

    enum Disposition {
        /** The service has it (created now, or replayed from an earlier attempt that did commit). */
        DELIVERED,
        /** The service refused it for good (e.g. 400, 413, 422): kept for a person to look at. */
        FAILED,
        /** Answered, but try again later. */
        RETRY,
        /** The service is not there (no connection, no answer in time, or 502/503/504). */
        UNREACHABLE
    }
}
