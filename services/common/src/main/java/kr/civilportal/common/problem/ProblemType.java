package kr.civilportal.common.problem;

import java.net.URI;

/**
 * The stable problem types every module shares. Clients switch on {@link #uri()}, never on the text.
 * Domain modules add their own types by constructing {@code new ProblemType(slug, title, status)}, but never
 * one for a plain HTTP status that is here: one name per status across the services and the gateway (413 is
 * {@code content-too-large}, as RFC 9110 calls it; 429 is {@code too-many-requests}).
 */
public record ProblemType(String slug, String title, int status) {

    private static final String PREFIX = "urn:civilportal:problem:";

    public static final ProblemType VALIDATION = new ProblemType("validation-failed", "Invalid input", 400);
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", "Malformed request", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", "Not acceptable", 406);
    /** A body that did not arrive in time (the gateway's slow-sender limit). */
    public static final ProblemType REQUEST_TIMEOUT = new ProblemType("request-timeout", "Request timeout", 408);
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict", 409);
    /**
     * Another official holds the case (담당): every service whose cases are held answers an act on another's case
     * with it, naming the holder, so that one console and one app handle them all alike.
     */
    public static final ProblemType CASE_HELD = new ProblemType("case-held", "Held by another officer", 409);
    public static final ProblemType CONTENT_TOO_LARGE = new ProblemType("content-too-large", "Content too large", 413);
    public static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", "URI too long", 414);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests", "Too many requests", 429);
    public static final ProblemType HEADER_FIELDS_TOO_LARGE =
            new ProblemType("header-fields-too-large", "Request header fields too large", 431);
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", "Service unavailable", 503);
    /** Tokens cannot be checked: the identity provider cannot be reached and its keys are not at hand. */
    public static final ProblemType IDENTITY_PROVIDER_UNAVAILABLE =
            new ProblemType("identity-provider-unavailable", "Sign-in cannot be checked", 503);
    public static final ProblemType INTERNAL = new ProblemType("internal-error", "Internal error", 500);

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public Problem problem(String detail, String detailKo) {
        return new Problem(uri(), title, status, detail, detailKo, null, null);
    }
}
