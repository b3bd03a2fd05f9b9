package kr.civilportal.citizen.movein;

import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The documents of a 보완 answer (보완 서류) on their way to the service that asked for them: residency for a move-in,
 * passport for a passport's 보완 제출 (docs/supplement-documents.md). The service alone decides what a document may be
 * (count, size, type by its bytes); this app only passes on what the citizen chose.
 */
public final class SupplementDocuments {

    /** The services' part and field name for the files. */
    public static final String FIELD = "documents";

    private SupplementDocuments() {
    }

    /**
     * The files the citizen chose. A browser sends the file input even when nothing is chosen, as a part with an
     * empty file name and no bytes: that part is no document and is not sent on. A chosen file that is empty is
     * sent, so the service says why it refuses it.
     */
    public static List<FileUpload> chosen(List<FileUpload> uploads) {
        return uploads == null ? List.of() : uploads.stream()
                .filter(u -> u != null && u.fileName() != null && !u.fileName().isBlank()).toList();
    }

    /** The multipart answer the services take: part {@code answer}, then each document as sent, in order. */
    public static ClientMultipartForm form(String answer, List<FileUpload> documents) {
        ClientMultipartForm form = ClientMultipartForm.create().attribute("answer", answer, null);
        for (FileUpload document : documents) {
            form.binaryFileUpload(FIELD, document.fileName(), Buffer.buffer(read(document)),
                    document.contentType() == null || document.contentType().isBlank()
                            ? MediaType.APPLICATION_OCTET_STREAM : document.contentType());
        }
        return form;
    }

    /**
     * How the service's field names map onto the form's: {@code answer} to the text, {@code documents} and each
     * {@code documents[i]} of the {@code sent} files to the one file input (the citizen picks all files there).
     */
    public static Map<String, String> fieldNames(int sent) {
        Map<String, String> fields = new HashMap<>();
        fields.put("answer", "answer");
        fields.put(FIELD, FIELD);
        for (int i = 0; i < sent; i++) {
            fields.put(FIELD + "[" + i + "]", FIELD);
        }
        return fields;
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
