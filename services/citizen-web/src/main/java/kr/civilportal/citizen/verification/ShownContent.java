package kr.civilportal.citizen.verification;

import java.util.List;

/**
 * What an issued document shows, section by section, as the issuing service's public verification answers it; the
 * page lays the same tables out so that whoever holds the paper can compare it line by line. Only the answer's
 * shape: the portal reads it and never renders or signs documents itself.
 */
public record ShownContent(String title, List<Section> sections) {

    /** A table of the document: its heading, column names (empty for label/value rows) and rows. */
    public record Section(String heading, List<String> header, List<List<String>> rows) {
    }
}
