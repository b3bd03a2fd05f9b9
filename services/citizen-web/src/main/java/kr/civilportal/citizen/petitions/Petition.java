package kr.civilportal.citizen.petitions;

import java.time.temporal.Temporal;
import java.util.List;
import kr.civilportal.web.api.PortalService;

/** One petition as the dashboard lists it, whichever service holds it. */
public record Petition(PortalService service, String id, String title, PetitionState state, Temporal submittedAt,
        String detailPath, List<Step> history, Deadline deadline) {

    public Petition(PortalService service, String id, String title, PetitionState state, Temporal submittedAt,
            String detailPath, List<Step> history) {
        this(service, id, title, state, submittedAt, detailPath, history, null);
    }

    /**
     * 처리기한: the end of the statutory period, as the service counts it (a day for a period counted in days, a
     * moment for one counted in office hours), and whether it has passed.
     */
    public record Deadline(Temporal due, boolean overdue) {
    }

    /** One step of its history: when, and what happened (already in the page's language). */
    public record Step(Temporal at, String what) {
    }
}
