package kr.civilportal.land.parcel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the parcel cache holds for one parcel: the officers' view and everyone else's (owner names masked),
 * each with its entity tag, computed once when the entry is filled so a cache hit costs no hashing.
 */
public record CachedParcel(Representation full, Representation masked) {

    /** One representation and its strong entity tag (a hash of its JSON). */
    public record Representation(ParcelView view, String etag) {
    }

    static CachedParcel of(ParcelView full, ObjectMapper json) {
        return new CachedParcel(represent(full, json), represent(full.masked(), json));
    }

    /** The view for the caller: full for land officers, masked for everyone else. */
    public Representation forCaller(boolean landOfficer) {
        return landOfficer ? full : masked;
    }

    private static Representation represent(ParcelView view, ObjectMapper json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(view));
            // 128 bits are plenty to tell versions of one parcel apart, and keep the header short.
            String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
            return new Representation(view, tag);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("A parcel view could not be hashed", e);
        }
    }

}
