package kr.civilportal.documents;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * A citizen's uploaded document (a 보완 answer's, {@link UploadedDocumentCheck}) as every download answers it
 * (docs/supplement-documents.md): the type its bytes were found to be, an attachment under its display name (RFC 6266
 * {@code filename*}, so that a Korean name arrives whole), never sniffed into something else by the browser, never kept
 * by a cache (it is personal data). One place, so that residency's and passport's downloads cannot drift apart.
 */
public final class UploadedDocumentDownload {

    private UploadedDocumentDownload() {
    }

    public static Response of(byte[] bytes, String mediaType, String fileName) {
        return Response.ok(bytes, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** {@code attachment; filename*=UTF-8''<name>}, the name percent-encoded but for RFC 5987's attr-chars. */
    public static String contentDisposition(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename*=UTF-8''" + encoded;
    }
}
