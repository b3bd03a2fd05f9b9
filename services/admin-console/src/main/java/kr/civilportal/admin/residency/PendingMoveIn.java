package kr.civilportal.admin.residency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A move-in report waiting for a residency officer's decision, at one of the officer's offices (관할 기관,
 * {@code officeName}) or at none (null: an address no office covers, shown to every officer).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingMoveIn(UUID id, UUID residentId, String residentName, Mode mode, String address,
        LocalDate movedInOn, Relation relationToHead, OffsetDateTime submittedAt, String officeName) {

    public enum Mode { NEW_HOUSEHOLD, JOIN_HOUSEHOLD }

    /** Residency's RelationToHead: HEAD (본인, 세대주) for a new household, the others for joining one. */
    public enum Relation { HEAD, SPOUSE, CHILD, PARENT, SIBLING, OTHER }

    /** What the queue's filter keeps: the mode chosen (any when null) and a part of the name or address. */
    public boolean matches(Mode onlyMode, String query) {
        return (onlyMode == null || onlyMode == mode) && (query.isEmpty()
                || (residentName != null && residentName.contains(query)) || (address != null && address.contains(query)));
    }
}
