package kr.civilportal.citizen.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification as the service gives it to its citizen: what happened to which petition ({@code type},
 * {@code source}, {@code petitionId}), its text in the language the citizen chose when it was written, when, and
 * when they marked it read (null while unread).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notification(UUID id, String type, String source, String petitionId, String language, String title,
        String body, Instant occurredAt, Instant createdAt, Instant readAt) {

    static final String CERTIFICATE_ISSUED = "residency.certificate.issued";
    /** Where the citizen's certificates are listed, each downloadable again. */
    static final String CERTIFICATES_PAGE = "/my/certificates";

    public boolean unread() {
        return readAt == null;
    }

    /** The language its text is in, for the page to say so (a notification written in English on a Korean page). */
    public String textLanguage() {
        return "ko".equals(language) || "en".equals(language) ? language : null;
    }

    /** When it happened (the service's time of the event; when it was written if that is missing). */
    public Instant at() {
        return occurredAt != null ? occurredAt : createdAt;
    }

    /**
     * The page of the petition it is about, or null when there is none to link: a move-in report's page, a passport
     * application's page, the certificates list for a certificate issued.
     */
    public String link() {
        if (CERTIFICATE_ISSUED.equals(type)) {
            return CERTIFICATES_PAGE;
        }
        if (petitionId == null || petitionId.isBlank()) {
            return null;
        }
        String id = URLEncoder.encode(petitionId.strip(), StandardCharsets.UTF_8);
        if ("residency".equals(source) && type != null && type.startsWith("residency.move-in.")) {
            return "/my/petitions/move-in/" + id;
        }
        if ("passport".equals(source)) {
            return "/my/petitions/passport/" + id;
        }
        return null;
    }
}
