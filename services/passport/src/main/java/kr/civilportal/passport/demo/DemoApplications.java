package kr.civilportal.passport.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import kr.civilportal.passport.deadline.ProcessingDeadlines;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.application.Validity;
import kr.civilportal.passport.PassportSettings;
import kr.civilportal.passport.identity.IdentityCheck;
import kr.civilportal.passport.identity.IdentityChecks;
import kr.civilportal.passport.workflow.StatusChange;
import org.jboss.logging.Logger;

/**
 * Applications of the demo user {@code citizen}, so that the citizen pages and the officers' list have
 * something to show. Only with {@code portal.passport.demo-data=true} (dev and test profiles).
 */
@ApplicationScoped
public class DemoApplications {

    /** Keycloak user {@code citizen} (infra/keycloak/portal-realm.dev-overlay.json) and their resident id. */
    public static final String CITIZEN_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000001";
    public static final UUID CITIZEN_RESIDENT = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000001");
    /** A past passport, long since handed over. */
    public static final UUID ISSUED_APPLICATION = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-000000000001");
    /** A reissue waiting for an officer. */
    public static final UUID OPEN_APPLICATION = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-000000000002");
    /** Keycloak user {@code passport-officer}, who handled the demo's past passport. */
    static final String DEMO_OFFICER = "a1c2e3f4-0000-4000-8000-000000000012";
    private static final Duration IDENTITY_CHECK_TOOK = Duration.ofMinutes(1);
    /** Serialises seeding when several replicas start at once (the key differs from every other service's). */
    private static final long SEED_LOCK = 0x0B7E1D0A3L;
    private static final Logger LOG = Logger.getLogger(DemoApplications.class);

    record Demo(UUID id, ApplicationKind kind, Validity validity, int pages, ApplicationStatus status,
                Instant submittedAt, Instant updatedAt) {
        Demo withId(UUID other) {
            return new Demo(other, kind, validity, pages, status, submittedAt, updatedAt);
        }
    }

    static final List<Demo> APPLICATIONS = List.of(
            new Demo(ISSUED_APPLICATION, ApplicationKind.NEW, Validity.TEN_YEARS, 26, ApplicationStatus.ISSUED,
                    Instant.parse("2019-06-10T01:20:00Z"), Instant.parse("2019-06-24T05:00:00Z")),
            new Demo(OPEN_APPLICATION, ApplicationKind.REISSUE, Validity.TEN_YEARS, 58, ApplicationStatus.SUBMITTED,
                    Instant.parse("2026-03-02T00:45:00Z"), Instant.parse("2026-03-02T00:45:00Z")));

    private final EntityManager em;
    private final boolean enabled;

    private final ProcessingDeadlines deadlines;

    DemoApplications(EntityManager em, PassportSettings settings, ProcessingDeadlines deadlines) {
        this.em = em;
        this.deadlines = deadlines;
        this.enabled = settings.demoData();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seed();
        }
    }

    void seed() {
        seed(APPLICATIONS);
    }

    /** The given demos that are not there yet (a test seeds copies under fresh ids: the history cannot be deleted). */
    @Transactional
    void seed(List<Demo> applications) {
        // Two replicas starting together would both find nothing and both insert; the lock (held until this
        // transaction ends) makes the second wait and then find the first one's rows.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        Caller citizen = new Caller(CITIZEN_SUBJECT, CITIZEN_RESIDENT, false);
        int added = 0;
        for (Demo d : applications) {
            if (PassportApplication.findById(d.id()) == null) {
                PassportApplication a = PassportApplication.submit(d.id(), citizen, d.kind(), d.validity(), d.pages(),
                        d.submittedAt());
                a.status = d.status();
                a.updatedAt = d.updatedAt();
                a.officeId = DemoPickupSlots.JONGNO; // the demo citizen applied in 종로구
                a.dueOn = deadlines.dueOn(d.submittedAt());
                a.persist();
                // The history rows refer to the application, whose insert Hibernate would otherwise delay.
                em.flush();
                recordHistory(d, a);
                added++;
            }
        }
        if (added > 0) {
            LOG.infof("Demo data: added %d passport applications", added);
        }
    }

    /**
     * The history the pages show (처리 이력): the submission, and for the issued passport the identity check and
     * each step to its handover, as if the portal had handled it. An open application's check is left to
     * {@code IdentityCheckJob}, as for any new one.
     */
    private static void recordHistory(Demo d, PassportApplication a) {
        StatusChange.record(d.id(), null, ApplicationStatus.SUBMITTED, CITIZEN_SUBJECT, null, null, d.submittedAt());
        if (d.status() != ApplicationStatus.ISSUED) {
            return;
        }
        Instant checked = d.submittedAt().plus(IDENTITY_CHECK_TOOK);
        a.identityCheck = IdentityCheck.VERIFIED;
        a.identityCheckedAt = checked;
        StatusChange.identity(d.id(), ApplicationStatus.SUBMITTED, IdentityCheck.VERIFIED, IdentityChecks.SYSTEM_ACTOR,
                "주민등록 확인 완료 (residency confirmed the applicant)", checked);
        List<ApplicationStatus> steps = List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                ApplicationStatus.PRINTING, ApplicationStatus.READY_FOR_PICKUP, ApplicationStatus.ISSUED);
        // Spread evenly between the check and the handover.
        Duration gap = Duration.between(checked, d.updatedAt()).dividedBy(steps.size());
        ApplicationStatus from = ApplicationStatus.SUBMITTED;
        for (int i = 0; i < steps.size(); i++) {
            Instant at = i == steps.size() - 1 ? d.updatedAt() : checked.plus(gap.multipliedBy(i + 1L));
            StatusChange.record(d.id(), from, steps.get(i), DEMO_OFFICER, null, null, at);
            from = steps.get(i);
        }
    }
}
