package kr.civilportal.passport.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.identity.IdentityCheck;

/** One step of an application's history (처리 이력). Only ever inserted: the table refuses changes. */
@Entity
@Table(name = "passport_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 24)
    public ApplicationStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 24)
    public ApplicationStatus to;

    @Column(name = "actor_subject", nullable = false, length = 64)
    public String actorSubject;

    @Column(length = 500)
    public String reason;

    @Column(name = "supplement_deadline")
    public LocalDate supplementDeadline;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** On an identity-check step (status unchanged): its outcome; null on status steps. */
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check", length = 24)
    public IdentityCheck identityCheck;

    public static StatusChange record(UUID applicationId, ApplicationStatus from, ApplicationStatus to, String actor,
                                      String reason, LocalDate deadline, Instant at) {
        StatusChange c = new StatusChange();
        c.applicationId = applicationId;
        c.from = from;
        c.to = to;
        c.actorSubject = actor;
        c.reason = reason;
        c.supplementDeadline = deadline;
        c.changedAt = at;
        c.persist();
        return c;
    }

    /** An identity-check step (본인 확인): the status stays as it is; who settled it, how, and their note. */
    public static StatusChange identity(UUID applicationId, ApplicationStatus status, IdentityCheck outcome,
                                        String actor, String note, Instant at) {
        StatusChange c = new StatusChange();
        c.applicationId = applicationId;
        c.from = status;
        c.to = status;
        c.identityCheck = outcome;
        c.actorSubject = actor;
        c.reason = note;
        c.changedAt = at;
        c.persist();
        return c;
    }

    /** In the order it happened (the identity grows with every insert). */
    public static List<StatusChangeView> historyOf(UUID applicationId) {
        return StatusChange.<StatusChange>find("applicationId = ?1 ORDER BY id", applicationId).stream()
                .map(StatusChange::view).toList();
    }

    public StatusChangeView view() {
        return new StatusChangeView(from, to, actorSubject, reason, supplementDeadline, changedAt, identityCheck);
    }
}
