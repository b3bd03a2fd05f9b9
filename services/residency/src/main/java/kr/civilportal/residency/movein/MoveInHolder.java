package kr.civilportal.residency.movein;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Who holds a move-in report (담당자) and since when: shown to officers, never to the filer.
 *
 * @param officer the officer's user name (preferred_username), as the access log names officers
 */
public record MoveInHolder(String officer, OffsetDateTime since) {

    static MoveInHolder of(MoveInReport r) {
        // In UTC whatever the JVM's zone the database gave it back in, as the other instants of the view are.
        return r.holderSubject == null ? null : new MoveInHolder(r.holderName,
                r.heldSince == null ? null : r.heldSince.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
