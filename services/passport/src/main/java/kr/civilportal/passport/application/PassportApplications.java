package kr.civilportal.passport.application;

import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.deadline.ProcessingDeadlines;
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
import kr.civilportal.common.problem.ProblemException;
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
        PassportApplication application = PassportApplication.submit(UUID.randomUUID(), applicant, request.kind(),
                request.validity(), request.pages(), now);
        application.dueOn = deadlines.dueOn(now);
        // Flushed first: the history row below references this one (and is inserted at once for its identity).
        application.persistAndFlush();
        // The submission is the history's first step, so the citizen's history starts where the application does.
        StatusChange.record(application.id, null, ApplicationStatus.SUBMITTED, applicant.subject(), null, null, now);
        return application.view(StatusChange.historyOf(application.id));
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

    /** 처리 현황 on {@code today} (a Korean day). */
    @Transactional
    public ApplicationCounts counts(LocalDate today) {
        long received = PassportApplication.count("status", ApplicationStatus.SUBMITTED);
        long inProgress = PassportApplication.count("status in ?1", List.of(ApplicationStatus.UNDER_REVIEW,
                ApplicationStatus.APPROVED, ApplicationStatus.PRINTING));
        long waiting = PassportApplication.count("status", ApplicationStatus.SUPPLEMENT_REQUESTED);
        long overdue = PassportApplication.count("status in ?1 and dueOn < ?2", List.of(ApplicationStatus.values())
                .stream().filter(ApplicationStatus::owedByTheOffice).toList(), today);
        Number done = (Number) PassportApplication.getEntityManager().createNativeQuery("""
                SELECT count(DISTINCT application_id) FROM passport_status_change
                WHERE to_status IN ('READY_FOR_PICKUP', 'ISSUED', 'REJECTED') AND identity_check IS NULL
                  AND changed_at >= ?1""")
                .setParameter(1, today.atStartOfDay(KoreanTime.ZONE).toOffsetDateTime()).getSingleResult();
        return new ApplicationCounts(received, inProgress, waiting, overdue, done.longValue());
    }

    @Transactional
    public ApplicationPage list(ApplicationQuery query, Caller officer) {
        List<String> where = new java.util.ArrayList<>();
        Parameters parameters = new Parameters();
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
        var found = where.isEmpty()
                ? PassportApplication.<PassportApplication>findAll(NEWEST_FIRST)
                : PassportApplication.<PassportApplication>find(String.join(" and ", where), NEWEST_FIRST, parameters);
        List<ApplicationView> items = found.page(Page.of(query.page(), query.size())).stream()
                .map(PassportApplication::view).toList();
        return new ApplicationPage(items, query.page(), query.size(), found.count());
    }

    static ProblemException notFound() {
        return ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
    }
}
