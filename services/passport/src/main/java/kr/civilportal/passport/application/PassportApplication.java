package kr.civilportal.passport.application;

import kr.civilportal.common.time.KoreanTime;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kr.civilportal.passport.fee.FeeSchedule;
import kr.civilportal.passport.workflow.StatusChangeView;

/**
 * An application for a passport (여권 발급 신청). Whose it is comes from the token that submitted it, never
 * from the request body, so a citizen cannot apply in someone else's name.
 */
@Entity
@Table(name = "passport_application")
public class PassportApplication extends PanacheEntityBase {

    /** The fee table changes on Korean calendar days. */

    @Id
    public UUID id;

    /** The {@code sub} of the applicant's token: the stable Keycloak user id. */
    @Column(name = "applicant_subject", nullable = false, length = 64)
    public String applicantSubject;

    /** The applicant's resident id (주민 식별자) in the residency service, for the identity check; may be null. */
    @Column(name = "applicant_resident_id")
    public UUID applicantResidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ApplicationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Validity validity;

    @Column(nullable = false)
    public int pages;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ApplicationStatus status;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new application as the citizen submits it: status {@link ApplicationStatus#SUBMITTED}. */
    public static PassportApplication submit(UUID id, Caller applicant, ApplicationKind kind, Validity validity,
                                             int pages, Instant now) {
        if (!PageCount.Validator.isAllowed(pages)) {
            throw new IllegalArgumentException("A passport has 26 or 58 pages");
        }
        PassportApplication a = new PassportApplication();
        a.id = Objects.requireNonNull(id);
        a.applicantSubject = Objects.requireNonNull(applicant.subject());
        a.applicantResidentId = applicant.residentId();
        a.kind = Objects.requireNonNull(kind);
        a.validity = Objects.requireNonNull(validity);
        a.pages = pages;
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Without the history: for lists, where reading every application's history would cost a query each. */
    public ApplicationView view() {
        return view(null);
    }

    public ApplicationView view(List<StatusChangeView> history) {
        return new ApplicationView(id, kind, validity, pages, status, submittedAt,
                FeeSchedule.feeOf(kind, validity, pages, submittedAt.atZone(KoreanTime.ZONE).toLocalDate()), history);
    }
}
