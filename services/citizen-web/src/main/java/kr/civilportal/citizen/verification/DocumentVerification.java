package kr.civilportal.citizen.verification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * A service's answer for a genuine document PDF: its number, when it was issued and time-stamped, who signed, and
 * what it is ({@code kindKo} for a certificate, {@code document} for an extract).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentVerification(String issuanceNumber, String kindKo, String document, OffsetDateTime issuedAt,
                                   OffsetDateTime timeStamped, String signer, String contentHash) {

    public String what() {
        return kindKo != null ? kindKo : document;
    }
}
