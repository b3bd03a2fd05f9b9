package kr.civilportal.documents;

import java.net.URI;

/**
 * Where the QR code of an issued document points: the public verification address (진위확인) of its issuance
 * number. Configured per service as a base URL: a path (with or without a trailing slash) the number is
 * appended to as a segment, or a page address ending in a query parameter ({@code …/verify?number=}).
 */
public final class VerificationLink {

    private final String base;

    public VerificationLink(String base) {
        this.base = base.endsWith("/") || base.endsWith("=") ? base : base + "/";
    }

    public URI of(String issuanceNumber) {
        return URI.create(base + issuanceNumber);
    }
}
