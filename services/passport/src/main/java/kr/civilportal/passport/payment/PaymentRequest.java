package kr.civilportal.passport.payment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The citizen's request to pay: where the provider sends the browser back afterwards. */
public record PaymentRequest(
        @Schema(description = "The portal page to come back to after paying (or cancelling), e.g. "
                + "https://portal.example/my/petitions/passport/{id}?payment=returned; must begin with one of the "
                + "configured return URL prefixes", required = true, maxLength = 500)
        String returnUrl) {
}
