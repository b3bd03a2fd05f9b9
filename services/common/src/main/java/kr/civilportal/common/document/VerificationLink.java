package kr.civilportal.common.document;

import java.net.URI;

/**
 * Where the QR code of an issued document points: the public verification address (진위확인) of its issuance
 * number. Configured per service as a base URL, with or without a trailing slash.
 */
public final class VerificationLink {

    private final String base;

    public VerificationLink(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public URI of(String issuanceNumber) {
        return URI.create(base + issuanceNumber);
    }
}
