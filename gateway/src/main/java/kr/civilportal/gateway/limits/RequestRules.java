package kr.civilportal.gateway.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What one request may carry, once its route and endpoint are known: sizes in bytes, the time its body may take,
 * the media types it may have (lower case, parameters left out; empty: any), and whether a keyed POST may be
 * sent to a second replica.
 */
public record RequestRules(long maxBody, long bufferedUpTo, long maxHeaders, Duration bodyTimeout, long bodyMinRate,
                           Set<String> contentTypes, boolean retryKeyedPosts) {

    private static final long MILLIS_PER_SECOND = 1000;

    /**
     * How long a body of {@code declared} bytes may take to arrive: the time-out, plus a second for every
     * {@code bodyMinRate} bytes (a large upload from a phone is slow, an idle sender is not). A body of unknown
     * length is given the time of the most that would be read.
     */
    public long bodyDeadlineMillis(long declared) {
        long bytes = declared >= 0 ? declared : Math.min(maxBody, bufferedUpTo);
        return bodyTimeout.toMillis() + bytes * MILLIS_PER_SECOND / Math.max(1, bodyMinRate);
    }

    /** Whether a body of this declared length (-1: unknown) is read whole before the request goes on. */
    public boolean readsFirst(long declared) {
        return declared <= bufferedUpTo;
    }

    /** The most bytes of a body of unknown length the gateway reads (it cannot stream what it has begun to read). */
    public long unknownLengthLimit() {
        return Math.min(maxBody, bufferedUpTo);
    }

    /** Whether a body with this {@code Content-Type} header may pass; a body without one never does when types are set. */
    public boolean accepts(String contentType) {
        if (contentTypes.isEmpty()) {
            return true;
        }
        return contentType != null && contentTypes.contains(mediaType(contentType));
    }

    /** {@code Application/JSON; charset=UTF-8} → {@code application/json}. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
