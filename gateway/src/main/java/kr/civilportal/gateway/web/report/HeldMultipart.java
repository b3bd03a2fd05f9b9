package kr.civilportal.gateway.web.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A web report written out as the very multipart/form-data request the app would send (part {@code report}:
 * the JSON; parts {@code attachments}: the photos), so the gateway's journal can hold it and its forwarder send
 * it as it sends the app's reports. Held bytes must be exactly what the service will read later: the REST
 * client's own encoder is not at hand when the service is down.
 */
record HeldMultipart(String contentType, byte[] bytes) {

    private static final String CRLF = "\r\n";

    static HeldMultipart of(String reportJson, List<FileUpload> photos) {
        String boundary = "portal-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "Content-Disposition: form-data; name=\"report\"" + CRLF
                + "Content-Type: application/json; charset=UTF-8", reportJson.getBytes(StandardCharsets.UTF_8));
        for (FileUpload photo : photos == null ? List.<FileUpload>of() : photos) {
            if (photo.size() > 0) {
                String type = photo.contentType() == null ? "application/octet-stream" : photo.contentType();
                part(out, boundary, "Content-Disposition: form-data; name=\"attachments\"; filename=\""
                        + safeFileName(photo.fileName()) + "\"" + CRLF + "Content-Type: " + type, read(photo));
            }
        }
        write(out, "--" + boundary + "--" + CRLF);
        return new HeldMultipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, byte[] content) {
        write(out, "--" + boundary + CRLF + headers + CRLF + CRLF);
        out.writeBytes(content);
        write(out, CRLF);
    }

    /** Quotes and line breaks would end the header early; the service keeps the name only as a label. */
    static String safeFileName(String name) {
        if (name == null || name.isBlank()) {
            return "photo";
        }
        return name.replaceAll("[\"\\r\\n\\\\]", "_");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read an uploaded photo", e);
        }
    }
}
