package kr.civilportal.admin.residency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A filer's 보완 document as the officer's browser downloads it: residency's bytes with the type residency detected
 * and its Content-Disposition (attachment, the name kept), never sniffed by the browser into something else (it is
 * the filer's upload) and never kept by it or a shared cache (it is personal data).
 */
public final class SupplementDocumentDownload {

    /** What residency should always say; a document without it is still only ever a download. */
    static final String ATTACHMENT = "attachment";

    private SupplementDocumentDownload() {
    }

    public static Response of(Response upstream) {
        String type = upstream.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String disposition = upstream.getHeaderString(HttpHeaders.CONTENT_DISPOSITION);
        return Response.ok(upstream.readEntity(byte[].class),
                type == null || type.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition == null || !disposition.startsWith(ATTACHMENT) ? ATTACHMENT : disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
