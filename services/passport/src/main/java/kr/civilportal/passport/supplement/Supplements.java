package kr.civilportal.passport.supplement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.documents.UploadedDocumentCheck;
import kr.civilportal.passport.PassportSettings;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.photo.PhotoRead;
import kr.civilportal.passport.workflow.StatusChange;
import org.jboss.logging.Logger;

/**
 * 보완 제출's text and documents (docs/supplement-documents.md, "Passport"): checked before anything is stored, kept
 * with the request they answer in the resubmission's transaction, listed per request in the application's single
 * view, and downloaded by the applicant or an officer who may read the application (the officer's read logged).
 */
@ApplicationScoped
public class Supplements {

    private static final Logger LOG = Logger.getLogger(Supplements.class);

    /** The read log's reason for an officer's download of a 보완 document (as residency's access log says it). */
    public static final String DOCUMENT_READ_REASON = "supplement-document";

    private final Clock clock = Clock.systemUTC();

    @Inject
    SupplementDocumentCipher cipher;

    @Inject
    PassportSettings settings;

    /**
     * The answer's text as sent (JSON or multipart): optional for a passport (the photo is usually what was asked), so
     * none, or only blanks, is none; else trimmed and at most {@value SupplementAnswer#ANSWER_LENGTH} characters, or a
     * 400 naming {@code answer}.
     */
    public static String answerText(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        String text = sent.strip();
        if (text.length() > SupplementAnswer.ANSWER_LENGTH) {
            throw ProblemException.invalidField("answer", "size must be between 0 and "
                    + SupplementAnswer.ANSWER_LENGTH, "보완 내용은 " + SupplementAnswer.ANSWER_LENGTH
                    + "자까지 적을 수 있습니다.");
        }
        return text;
    }

    /** The documents as sent, in order, all taken under passport's limits, or a 400 naming the first refused. */
    public List<UploadedDocumentCheck.Checked> checked(List<UploadedDocumentCheck.Part> parts) {
        PassportSettings.SupplementDocuments limits = settings.supplementDocuments();
        return new UploadedDocumentCheck(limits.maxCount(), limits.maxBytes().asLongValue()).check(parts);
    }

    /**
     * Keeps the answer to {@code request} (the history step that asked) with its documents, sealed, in the order sent:
     * in the caller's transaction, which also moves the application, so an answer refused later stores nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(PassportApplication application, StatusChange request, String text,
                     List<UploadedDocumentCheck.Checked> documents, Instant now) {
        SupplementAnswer answer = new SupplementAnswer();
        answer.id = UUID.randomUUID();
        answer.applicationId = application.id;
        answer.requestChangeId = request.id;
        answer.answer = text;
        answer.answeredAt = now;
        answer.persist();
        for (int i = 0; i < documents.size(); i++) {
            UploadedDocumentCheck.Checked checked = documents.get(i);
            SupplementDocument d = new SupplementDocument();
            d.id = UUID.randomUUID();
            d.answerId = answer.id;
            d.position = (short) i;
            d.fileName = checked.fileName();
            d.mediaType = checked.kind().mediaType;
            d.byteSize = checked.bytes().length;
            d.sha256 = checked.sha256();
            var sealed = cipher.seal(checked.bytes(), application.id, d.id);
            d.keyId = sealed.keyId();
            d.ciphertext = sealed.ivAndCiphertext();
            d.createdAt = now;
            d.persist();
            // Ids, type and size only: the name may say whose document it is.
            LOG.infof("Supplement document %s (%s, %d bytes) of passport application %s kept", d.id, d.mediaType,
                    d.byteSize, application.id);
        }
    }

    /**
     * Every supplement request of the application, oldest first, with its answer: what the single view shows. An
     * answer from before V16 (or written by a replica of the version before) has no row: its time is the history's
     * step back to review, without text or documents.
     */
    public static List<SupplementView> of(UUID applicationId) {
        List<StatusChange> steps = StatusChange.<StatusChange>find("applicationId = ?1 ORDER BY id", applicationId)
                .list();
        List<StatusChange> requests = steps.stream().filter(Supplements::isRequest).toList();
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<Long, SupplementAnswer> answers = SupplementAnswer.<SupplementAnswer>list("applicationId", applicationId)
                .stream().collect(Collectors.toMap(a -> a.requestChangeId, Function.identity()));
        Map<UUID, List<SupplementDocumentView>> documents = SupplementDocument.listedFor(
                        answers.values().stream().map(a -> a.id).toList()).stream()
                .collect(Collectors.groupingBy(SupplementDocumentView::answerId));
        List<SupplementView> rounds = new ArrayList<>(requests.size());
        for (StatusChange request : requests) {
            SupplementAnswer answer = answers.get(request.id);
            Instant answeredAt = answer != null ? answer.answeredAt : resubmittedAfter(steps, request);
            rounds.add(new SupplementView(request.changedAt, request.reason, request.supplementDeadline, answeredAt,
                    answer == null ? null : answer.answer,
                    answer == null ? List.of() : documents.getOrDefault(answer.id, List.of())));
        }
        return List.copyOf(rounds);
    }

    /**
     * The request a resubmission answers: the application's latest step into SUPPLEMENT_REQUESTED that is not an
     * identity-check step (which keeps the status and carries no deadline).
     */
    public static StatusChange openRequest(UUID applicationId) {
        return StatusChange.<StatusChange>find("applicationId = ?1 and to = ?2 and identityCheck is null"
                        + " ORDER BY id DESC", applicationId, ApplicationStatus.SUPPLEMENT_REQUESTED)
                .firstResult();
    }

    private static boolean isRequest(StatusChange step) {
        return step.to == ApplicationStatus.SUPPLEMENT_REQUESTED && step.identityCheck == null;
    }

    /** The step back to review that ended the request's wait, if there was one before any later request. */
    private static Instant resubmittedAfter(List<StatusChange> steps, StatusChange request) {
        for (StatusChange step : steps) {
            if (step.id <= request.id || step.identityCheck != null) {
                continue;
            }
            if (step.from == ApplicationStatus.SUPPLEMENT_REQUESTED && step.to == ApplicationStatus.UNDER_REVIEW) {
                return step.changedAt;
            }
            if (step.from == ApplicationStatus.SUPPLEMENT_REQUESTED) {
                return null; // rejected: it lapsed (or an officer ended it) unanswered
            }
        }
        return null;
    }

    /** A document of a 보완 answer, opened, to be downloaded. */
    public record Downloaded(String fileName, String mediaType, byte[] bytes) {
    }

    /**
     * A document of the application's 보완 answers for its applicant, or for a passport officer who may read the
     * application (its office's); anyone else, an unknown document or one of another application: 404. An officer's
     * read is written to the record-read log in this transaction, so no document reaches an officer without its entry.
     */
    @Transactional
    public Downloaded download(Caller caller, String officialName, UUID applicationId, UUID documentId) {
        PassportApplication application = PassportApplication.findById(applicationId);
        if (application == null || !caller.mayRead(application)) {
            throw ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
        }
        SupplementDocument d = SupplementDocument.findById(documentId);
        SupplementAnswer answer = d == null ? null : SupplementAnswer.findById(d.answerId);
        if (answer == null || !answer.applicationId.equals(application.id)) {
            throw ProblemException.notFound("No such document of this passport application.",
                    "이 여권 발급 신청의 보완 서류가 아닙니다.");
        }
        byte[] bytes = cipher.open(d.keyId, d.ciphertext, application.id, d.id);
        if (!caller.subject().equals(application.applicantSubject)) {
            PhotoRead.documentRead(application.id, d.id, officialName, DOCUMENT_READ_REASON,
                    Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
            LOG.infof("Supplement document %s of passport application %s read by %s", d.id, application.id,
                    officialName);
        }
        return new Downloaded(d.fileName, d.mediaType, bytes);
    }
}
