package kr.civilportal.documents;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a verifiable document shows: a title, sections of tables the issuing service fills with its own
 * domain content, and the verification footer (issuance number, issue time, issuer, content hash and a QR
 * code that opens {@code verificationUrl}).
 */
public record VerifiableDocument(
        String title,
        String issuer,
        IssuanceNumber issuanceNumber,
        OffsetDateTime issuedAt,
        URI verificationUrl,
        String contentHash,
        List<Section> sections,
        List<String> notes) {

    public VerifiableDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuanceNumber, "issuanceNumber");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        Objects.requireNonNull(contentHash, "contentHash");
        sections = List.copyOf(sections);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A table under a heading. {@code weights} give the relative column widths (one per column); cells wrap.
     * An empty {@code header} draws no header row.
     */
    public record Section(String heading, List<String> header, List<Double> weights, List<List<String>> rows) {

        public Section {
            header = List.copyOf(header);
            weights = List.copyOf(weights);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != weights.size()) {
                    throw new IllegalArgumentException("Every row needs one cell per column");
                }
            }
            if (!header.isEmpty() && header.size() != weights.size()) {
                throw new IllegalArgumentException("The header needs one cell per column");
            }
        }

        /** Two columns, label and value: e.g. the holder's particulars. */
        public static Section labelled(String heading, List<List<String>> rows) {
            return new Section(heading, List.of(), List.of(1.0, 3.0), rows);
        }
    }
}
