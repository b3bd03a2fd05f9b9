package kr.civilportal.citizen.passport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A passport application being filled in (작성 중), kept on the server for its user: closing the browser
 * loses nothing, and the next visit continues where they left off.
 */
public class PassportDraft {

    public static final List<String> KINDS = List.of("NEW", "REISSUE");
    public static final List<String> VALIDITIES = List.of("TEN_YEARS", "FIVE_YEARS");
    public static final List<String> PAGES = List.of("58", "26");

    public String kind = "";
    public String validity = "";
    public String pages = "";
    public byte[] photo;
    public String photoName = "";
    public Instant savedAt = Instant.now();
    /** The final submission's key: a double click submits one application. */
    public String idempotencyKey = UUID.randomUUID().toString();

    public boolean choicesComplete() {
        // List.of(...).contains(null) throws: an unchosen radio arrives as null.
        return kind != null && validity != null && pages != null
                && KINDS.contains(kind) && VALIDITIES.contains(validity) && PAGES.contains(pages);
    }

    public boolean hasPhoto() {
        return photo != null && photo.length > 0;
    }

    public int photoKilobytes() {
        return photo == null ? 0 : (photo.length + 1023) / 1024;
    }

    public List<String> kinds() {
        return KINDS;
    }

    public List<String> validities() {
        return VALIDITIES;
    }

    public List<String> pageCounts() {
        return PAGES;
    }
}
