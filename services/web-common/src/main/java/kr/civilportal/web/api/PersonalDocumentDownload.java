package kr.civilportal.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A citizen's uploaded document (e.g. a 보완 answer's) passed on to the browser that downloads it, by citizen-web to
 * its filer and by the console to an officer: the service's bytes with the type the service detected and its
 * Content-Disposition (attachment, the name kept), never sniffed by the browser into something else (it is someone's
 * upload) and never kept by the browser or a shared cache (it is personal data).
 */
public final class PersonalDocumentDownload {

    /** What the service should always say; a document without it is still only ever a download. */
    static final String ATTACHMENT = "attachment";

    private PersonalDocumentDownload() {
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
