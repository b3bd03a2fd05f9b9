package kr.civilportal.citizen.petitions;

import java.time.temporal.Temporal;
import java.util.List;
import kr.civilportal.web.api.PortalService;

/**
 * One service's documents issued to the citizen (발급 문서: certificates, land-register extracts), each with where
 * to download it again; or, while the service does not answer, why none are shown.
 */
public record IssuedDocuments(PortalService service, List<Entry> documents, boolean unavailable) {

    /**
     * The id of this part's "unavailable" panel: its own, since the service's petitions section above may show one
     * too (one id twice on a page is invalid HTML and confuses screen readers).
     */
    public String panelId() {
        return "unavailable-documents-" + service.route();
    }

    /** One issued document: what it is (in the page's language), its issuance number, when, and its download. */
    public record Entry(String title, String issuanceNumber, Temporal issuedAt, String downloadPath) {
    }
}
