package kr.civilportal.citizen.petitions;

import java.util.List;

/** One petition as the dashboard lists it, whichever service holds it. */
public record Petition(String service, String id, String title, PetitionState state, String submittedAt,
        String detailPath, List<Step> history) {

    /** One step of its history: when, and what happened (already in the page's language). */
    public record Step(String at, String what) {
    }
}
