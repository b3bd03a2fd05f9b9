package kr.civilportal.citizen.petitions;

import java.time.temporal.Temporal;
import java.util.List;
import kr.civilportal.web.api.PortalService;

/** One petition as the dashboard lists it, whichever service holds it. */
public record Petition(PortalService service, String id, String title, PetitionState state, Temporal submittedAt,
        String detailPath, List<Step> history) {

    /** One step of its history: when, and what happened (already in the page's language). */
    public record Step(Temporal at, String what) {
    }
}
