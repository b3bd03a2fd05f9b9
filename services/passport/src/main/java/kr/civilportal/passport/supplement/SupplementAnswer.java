package kr.civilportal.passport.supplement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * The applicant's answer to one supplement request (보완 제출, Flyway V16): its optional text and when it was given; its
 * documents are {@link SupplementDocument}s. History: written once, the table's trigger refuses any change.
 */
@Entity
@Immutable
@Table(name = "passport_supplement_answer")
public class SupplementAnswer extends PanacheEntityBase {

    /** The longest answer (as a move-in's): what was done or sent, not a letter. */
    public static final int ANSWER_LENGTH = 1000;

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    /** The history step (passport_status_change) that asked for the supplement this answers. */
    @Column(name = "request_change_id", nullable = false, updatable = false)
    public Long requestChangeId;

    /** Null when the applicant answered without text (a new photo is often the whole answer). */
    @Column(length = ANSWER_LENGTH, updatable = false)
    public String answer;

    @Column(name = "answered_at", nullable = false, updatable = false)
    public Instant answeredAt;
}
