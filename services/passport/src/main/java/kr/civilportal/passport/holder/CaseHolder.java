package kr.civilportal.passport.holder;

import java.time.Instant;

/**
 * Who holds an application (담당자) and since when: shown to officers, never to the applicant.
 *
 * @param officer the officer's user name (preferred_username), as the read logs name officers
 */
public record CaseHolder(String officer, Instant since) {
}
