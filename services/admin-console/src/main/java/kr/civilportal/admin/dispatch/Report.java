package kr.civilportal.admin.dispatch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A 119 report as the dispatch board shows it (the call-back number unmasked for dispatchers). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Report(UUID reportId, Category category, String description, Double latitude, Double longitude,
        String address, String reporterPhone, Status status, int priority, Instant receivedAt, String assignedUnit,
        Outcome outcome, List<Object> attachments) {

    public enum Category { FIRE, RESCUE, EMERGENCY_MEDICAL, DISASTER, CRIME_REFERRAL, OTHER }

    public enum Status { RECEIVED, ACKNOWLEDGED, DISPATCHED, CLOSED }

    /** 종결 결과. */
    public enum Outcome { RESOLVED, TRANSPORTED, REFERRED, DUPLICATE, FALSE_ALARM }

    public int attachmentCount() {
        return attachments == null ? 0 : attachments.size();
    }

    public boolean awaitsAcknowledgement() {
        return status == Status.RECEIVED;
    }

    public boolean inHand() {
        return status == Status.ACKNOWLEDGED || status == Status.DISPATCHED;
    }

    /** One step of a report's history (처리 이력); {@code detail} is the unit, the note or the outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(EventKind kind, Instant at, String actor, String detail) {
    }

    /** 접수, 확인, 출동 지령, 메모, 종결, 신고자 추가 첨부. */
    public enum EventKind { RECEIVED, ACKNOWLEDGED, UNIT_ASSIGNED, NOTE, CLOSED, ATTACHMENT_ADDED }

    /** A page of the board. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Report> items) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }
}
