package kr.civilportal.citizen.petitions;

import java.time.temporal.Temporal;
import java.util.List;
import kr.civilportal.web.api.PortalService;

/**
 * One service's documents issued to the citizen (발급 문서: certificates, land-register extracts), each with where
 * to download it again; or, while the service does not answer, why none are shown.
 */
public record IssuedDocuments(PortalService service, List<Entry> documents, boolean unavailable) {

    /** One issued document: what it is (in the page's language), its issuance number, when, and its download. */
    public record Entry(String title, String issuanceNumber, Temporal issuedAt, String downloadPath) {
    }
}
