package kr.civilportal.documents;

import java.util.List;

/**
 * What a document shows, section by section, as the public verification of its number answers it: the same tables
 * as the issued PDF (personal numbers masked as on the document), so that whoever holds the paper can compare it line
 * by line with what was issued.
 */
public record ShownContent(String title, List<Section> sections) {

    /** A table of the document: its heading, column names (empty for label/value rows) and rows. */
    public record Section(String heading, List<String> header, List<List<String>> rows) {
    }

    public static ShownContent of(VerifiableDocument document) {
        return new ShownContent(document.title(), document.sections().stream()
                .map(s -> new Section(s.heading(), s.header(), s.rows())).toList());
    }
}
