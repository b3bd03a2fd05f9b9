package kr.civilportal.passport.supplement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** A document of a 보완 answer as the application's view lists it (applicant's and officers' alike); its bytes are downloaded. */
public record SupplementDocumentView(@JsonIgnore UUID answerId, UUID documentId, String fileName, String mediaType,
                                     long bytes) {

    /** For the JPQL constructor expression: the size column is an int. */
    public SupplementDocumentView(UUID answerId, UUID documentId, String fileName, String mediaType, int bytes) {
        this(answerId, documentId, fileName, mediaType, (long) bytes);
    }
}
