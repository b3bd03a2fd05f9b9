package kr.civilportal.gateway.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What one request may carry once its route and endpoint are known: sizes in bytes, the time its body may take,
 * the media types it may have (lower case, no parameters; empty: any), whether a keyed POST may go to a second
 * replica.
 */
public record RequestRules(long maxBody, long bufferedUpTo, long maxHeaders, long maxRequestLine, Duration bodyTimeout,
                           long bodyMinRate, Set<String> contentTypes, boolean retryKeyedPosts) {

    /**
     * The time a body of {@code declared} bytes (-1: unknown, then the most that would be read) may take: the
     * time-out plus a second per {@code bodyMinRate} bytes, so a large upload from a phone may be slow, an idle
     * sender not.
     */
    public long bodyDeadlineMillis(long declared) {
        long bytes = declared >= 0 ? declared : unknownLengthLimit();
        return bodyTimeout.toMillis() + bytes * Duration.ofSeconds(1).toMillis() / Math.max(1, bodyMinRate);
    }

    /** Whether a body of this declared length (-1: unknown) is read whole before the request goes on. */
    public boolean readsFirst(long declared) {
        return declared <= bufferedUpTo;
    }

    /** The most of a body of unknown length that is read (what has been read cannot be streamed any more). */
    public long unknownLengthLimit() {
        return Math.min(maxBody, bufferedUpTo);
    }

    /** Whether a body with this {@code Content-Type} may pass (one without a type may not, where types are set). */
    public boolean accepts(String contentType) {
        return contentTypes.isEmpty() || contentType != null && contentTypes.contains(mediaType(contentType));
    }

    /** {@code Application/JSON; charset=UTF-8} → {@code application/json}. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
