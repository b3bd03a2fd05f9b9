package kr.civilportal.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * A document a citizen sent with a 보완 answer (보완 서류), as a service lists it (residency's move-ins, passport's
 * applications; docs/supplement-documents.md): the name kept for display, the type the service detected from its bytes
 * and its size. The bytes themselves are downloaded through the app ({@link PersonalDocumentDownload}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadedDocument(UUID documentId, String fileName, String mediaType, long bytes) {

    /** Bytes in a kilobyte, as the page gives the size (KB, rounded up so a small file is never "0 KB"). */
    private static final long KILOBYTE = 1024;

    public long kilobytes() {
        return (bytes + KILOBYTE - 1) / KILOBYTE;
    }
}
