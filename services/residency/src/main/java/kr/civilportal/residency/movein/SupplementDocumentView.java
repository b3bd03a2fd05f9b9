package kr.civilportal.residency.movein;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** A document of a 보완 answer as the report's view lists it (filer's and officers' alike); its bytes are downloaded. */
public record SupplementDocumentView(@JsonIgnore UUID supplementId, UUID documentId, String fileName,
                                     String mediaType, long bytes) {

    /** For the JPQL constructor expression: the size column is an int. */
    public SupplementDocumentView(UUID supplementId, UUID documentId, String fileName, String mediaType, int bytes) {
        this(supplementId, documentId, fileName, mediaType, (long) bytes);
    }
}
