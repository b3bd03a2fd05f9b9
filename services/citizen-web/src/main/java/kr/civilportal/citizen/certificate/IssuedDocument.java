package kr.civilportal.citizen.certificate;

import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The issuance number (문서확인번호) of a document a service has just issued (a certificate, a land extract):
 * its {@code Issuance-Number} header, or, in a replayed answer (same Idempotency-Key, which keeps the status, the
 * body and {@code Location} only), the number in {@code Location} ({@code .../{number}/pdf}).
 */
public final class IssuedDocument {

    private IssuedDocument() {
    }

    public static Optional<String> number(Response issued) {
        String header = issued.getHeaderString("Issuance-Number");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        return numberIn(issued.getHeaderString("Location"));
    }

    static Optional<String> numberIn(String location) {
        if (location == null || !location.endsWith("/pdf")) {
            return Optional.empty();
        }
        String path = location.substring(0, location.length() - "/pdf".length());
        String number = path.substring(path.lastIndexOf('/') + 1);
        return number.matches("[0-9-]+") ? Optional.of(number) : Optional.empty();
    }

    /** A document's PDF as the browser downloads it (never cached: it carries personal data). */
    public static Response pdf(byte[] bytes, String filePrefix, String number) {
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + filePrefix + "-"
                        + number.replaceAll("[^0-9-]", "") + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }
}
