package kr.civilportal.passport.application;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.HttpMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.PassportSettings;
import kr.civilportal.passport.deadline.ProcessingDeadlines;
import kr.civilportal.passport.payment.PaymentMethod;
import kr.civilportal.passport.workflow.ApplicationEvents;
import kr.civilportal.passport.workflow.StatusChange;

/** Submits and reads passport applications; who may see what is decided by {@link Caller}. */
@ApplicationScoped
public class PassportApplications {

    /** Newest first; the id breaks ties so that paging is stable. */
    private static final Sort NEWEST_FIRST = Sort.descending("submittedAt", "id");

    private final Clock clock = Clock.systemUTC();

    private static final int CREATED = 201;

    @Inject
    IdempotentWrites writes;

    @Inject
    ProcessingDeadlines deadlines;

    @Inject
    PassportSettings settings;

    @Inject
    ApplicationEvents events;

    /** A submission, and whether it repeats an earlier one with the same Idempotency-Key (nothing new stored). */
    public record Submission(UUID id, boolean replayed) {
    }

    /**
     * Submits once per Idempotency-Key, when the caller sends one: a retry with the same key and the same choices
     * gets the application the first call made (a phone that lost the answer must not apply, and pay, twice),
     * with other choices a 422, while the first still runs a 409. Without a key every call is a new application.
     */
    @Transactional
    public Submission submit(Caller applicant, ApplicationRequest request, String keyHeader, String path) {
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(applicant.subject()), keyHeader, HttpMethod.POST,
                path, request);
        IdempotentResponse result = writes.execute(keyed, InProgressPolicy.REJECT,
                () -> writes.json(CREATED, null, submit(applicant, request)));
        return new Submission(writes.read(result.response(), ApplicationView.class).id(), result.replayed());
    }

    @Transactional
    public ApplicationView submit(Caller applicant, ApplicationRequest request) {
        // PostgreSQL keeps microseconds: truncate so that what is returned now equals what is read back later.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String office = receivingOffice(request.office());
        PassportApplication application = PassportApplication.submit(UUID.randomUUID(), applicant, request.kind(),
                request.validity(), request.pages(), request.paymentOrDefault(), now);
        application.officeId = office;
        // Paid online, it is received (and its 처리기한 starts) only once paid: see payment/Payments.
        application.dueOn = application.status.awaitsPayment() ? null : deadlines.dueOn(now);
        // Flushed first: the history row below references this one (and is inserted at once for its identity).
        application.persistAndFlush();
        // The submission is the history's first step, so the citizen's history starts where the application does.
        StatusChange.record(application.id, null, application.status, applicant.subject(), null, null, now);
        events.moved(application, application.status, null, null);
        return application.view(StatusChange.historyOf(application.id));
    }

    /**
     * 접수 기관: the office named, if the portal has it; none named, the configured default; else a 400 on
     * {@code office}, before anything is stored.
     */
    private String receivingOffice(String named) {
        String office = named == null || named.isBlank() ? settings.offices().defaultOffice().orElse(null)
                : named.strip();
        if (office == null) {
            throw ProblemException.invalidField("office", "Name the passport office that is to process the "
                    + "application.", "여권을 접수할 기관을 선택해 주세요.");
        }
        boolean known = !PassportApplication.getEntityManager()
                .createNativeQuery("SELECT 1 FROM pickup_office WHERE id = ?1").setParameter(1, office)
                .getResultList().isEmpty();
        if (!known) {
            throw ProblemException.invalidField("office", "The portal has no passport office with this id.",
                    "선택한 여권 접수 기관이 없습니다.");
        }
        return office;
    }

    @Transactional
    public List<ApplicationView> mine(Caller applicant) {
        return PassportApplication.<PassportApplication>find("applicantSubject", NEWEST_FIRST, applicant.subject())
                .stream().map(a -> a.view().forApplicant()).toList();
    }

    @Transactional
    public ApplicationView find(Caller caller, UUID id) {
        PassportApplication application = PassportApplication.findById(id);
        if (application == null || !caller.mayRead(application)) {
            throw notFound();
        }
        ApplicationView view = application.view(StatusChange.historyOf(id));
        return caller.officer() ? view : view.forApplicant();
    }

    /** 처리 현황 of the officer's offices on {@code today} (a Korean day). */
    @Transactional
    public ApplicationCounts counts(LocalDate today, Caller officer) {
        String mine = " and " + JURISDICTION;
        Parameters offices = Parameters.with("offices", officesOf(officer));
        long received = PassportApplication.count("status = :status" + mine,
                offices.and("status", ApplicationStatus.SUBMITTED));
        long inProgress = PassportApplication.count("status in :statuses" + mine, Parameters.with("statuses",
                List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.PRINTING))
                .and("offices", officesOf(officer)));
        long waiting = PassportApplication.count("status = :status" + mine, Parameters.with("status",
                ApplicationStatus.SUPPLEMENT_REQUESTED).and("offices", officesOf(officer)));
        long overdue = PassportApplication.count("status in :statuses and dueOn < :today" + mine,
                Parameters.with("statuses", List.of(ApplicationStatus.values()).stream()
                        .filter(ApplicationStatus::owedByTheOffice).toList()).and("today", today)
                        .and("offices", officesOf(officer)));
        Number done = (Number) PassportApplication.getEntityManager().createNativeQuery("""
                SELECT count(DISTINCT c.application_id) FROM passport_status_change c
                JOIN passport_application a ON a.id = c.application_id
                WHERE c.to_status IN ('READY_FOR_PICKUP', 'ISSUED', 'REJECTED') AND c.identity_check IS NULL
                  AND c.from_status IS DISTINCT FROM 'AWAITING_PAYMENT'  -- never received: no officer's work
                  AND c.changed_at >= ?1 AND (a.office_id IS NULL OR a.office_id = ANY (?2))""")
                .setParameter(1, today.atStartOfDay(KoreanTime.ZONE).toOffsetDateTime())
                .setParameter(2, officesOf(officer).toArray(String[]::new)).getSingleResult();
        return new ApplicationCounts(received, inProgress, waiting, overdue, done.longValue());
    }

    /**
     * 관할: an officer's offices' applications, and those from before offices (every officer's). An application
     * waiting for its online payment is not received yet: no officer's work; nor is one rejected because it was
     * never paid (an ONLINE application gets its dueOn when it is received, so one without dueOn never was).
     */
    private static final String JURISDICTION = "(officeId is null or officeId in :offices)";
    private static final String RECEIVED = "status <> :awaitingPayment"
            + " and not (status = :rejected and paymentMethod = :online and dueOn is null)";

    private static List<String> officesOf(Caller officer) {
        return OfficesClaim.asQueryParameter(officer.offices());
    }

    @Transactional
    public ApplicationPage list(ApplicationQuery query, Caller officer) {
        List<String> where = new java.util.ArrayList<>();
        where.add(JURISDICTION);
        where.add(RECEIVED);
        Parameters parameters = Parameters.with("offices", officesOf(officer))
                .and("awaitingPayment", ApplicationStatus.AWAITING_PAYMENT)
                .and("rejected", ApplicationStatus.REJECTED).and("online", PaymentMethod.ONLINE);
        if (query.status() != null) {
            where.add("status = :status");
            parameters = parameters.and("status", query.status());
        }
        if (query.identityCheck() != null) {
            where.add("identityCheck = :identityCheck");
            parameters = parameters.and("identityCheck", query.identityCheck());
        }
        if (query.held() == ApplicationQuery.Held.MINE) {
            where.add("holderSubject = :holder");
            parameters = parameters.and("holder", officer.subject());
        } else if (query.held() == ApplicationQuery.Held.NOBODY) {
            where.add("holderSubject is null");
        }
        var found = PassportApplication.<PassportApplication>find(String.join(" and ", where), NEWEST_FIRST,
                parameters);
        List<ApplicationView> items = found.page(Page.of(query.page(), query.size())).stream()
                .map(PassportApplication::view).toList();
        return new ApplicationPage(items, query.page(), query.size(), found.count());
    }

    static ProblemException notFound() {
        return ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
    }
}
