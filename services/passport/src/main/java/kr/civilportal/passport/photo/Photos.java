package kr.civilportal.passport.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.audit.RecordRead;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.passport.PassportSettings;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.workflow.Workflow;

/** Stores and serves application photos; only the applicant uploads, the applicant and officers read. */
@ApplicationScoped
public class Photos {

    /** Once approved, the photo is what gets printed: it can no longer change. */
    static final Set<ApplicationStatus> OPEN_FOR_PHOTO = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUPPLEMENT_REQUESTED);

    /**
     * The longest reason (200 characters, as residency's console asks for): it travels in the query of a GET, and
     * 200 Korean characters URL-encoded (about 1.8 KB) stay well inside the 4 KB request line the gateway and the
     * services accept; 500 would not (the column is wider, 500, for the log's sake).
     */
    static final int REASON_MAX = 200;
    /** What a photo read is, as the auditor's list names it, and what the officer did. */
    static final String AUDITED_RECORD = "PASSPORT_PHOTO";
    static final String AUDITED_ACTION = "READ_PHOTO";
    /** A 보완 document's read, in the same log: its record is still the application (recordId). */
    static final String AUDITED_DOCUMENT_RECORD = "PASSPORT_SUPPLEMENT_DOCUMENT";
    static final String AUDITED_DOCUMENT_ACTION = "READ_SUPPLEMENT_DOCUMENT";

    private final Clock clock = Clock.systemUTC();
    private final int readsListed;

    Photos(PassportSettings settings) {
        this.readsListed = settings.photoReads().listed();
    }

    @Transactional
    public PhotoView upload(Caller applicant, UUID id, byte[] content) {
        // The file is checked before anything is read or written: bad input changes nothing.
        PhotoRules.Checked checked = PhotoRules.check(content);
        // Locked like a workflow move, so an approval cannot slip between the status check and the write.
        PassportApplication application = PassportApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !applicant.subject().equals(application.applicantSubject)) {
            throw notFound();
        }
        if (!OPEN_FOR_PHOTO.contains(application.status)) {
            throw new ProblemException(Workflow.INVALID_TRANSITION, "The photo cannot change once the application is "
                    + application.status + ".", "승인 이후에는 사진을 바꿀 수 없습니다.");
        }
        PassportPhoto photo = PassportPhoto.findById(id);
        if (photo == null) {
            photo = new PassportPhoto();
            photo.applicationId = id;
        }
        photo.content = checked.content();
        photo.width = checked.width();
        photo.height = checked.height();
        photo.uploadedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        photo.persist();
        return new PhotoView(checked.width(), checked.height(), checked.content().length, photo.uploadedAt);
    }

    /**
     * The photo for its applicant, or for an officer who gives a reason (열람 사유): the officer's read is logged
     * in the same transaction, so a photo never reaches an officer without its {@link PhotoRead}. The applicant
     * looking at their own photo is not logged (it is not a read of someone else's data).
     */
    @Transactional
    public byte[] read(Caller caller, String officialName, UUID id, String reason) {
        PassportApplication application = PassportApplication.findById(id);
        if (application == null || !caller.mayRead(application)) {
            throw notFound();
        }
        // The applicant's own look needs no reason and leaves no entry; an officer's read needs both.
        String officersReason = caller.subject().equals(application.applicantSubject) ? null : officersReason(reason);
        PassportPhoto photo = PassportPhoto.findById(id);
        if (photo == null) {
            throw ProblemException.notFound("This application has no photo yet.", "등록된 사진이 없습니다.");
        }
        if (officersReason != null) {
            PhotoRead read = new PhotoRead();
            read.applicationId = id;
            read.official = officialName;
            read.reason = officersReason;
            read.readAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            read.persist();
        }
        return photo.content;
    }

    /** 열람 사유 as given, stripped: present and at most {@link #REASON_MAX} characters, or a field error. */
    private static String officersReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ProblemException.invalidField("reason", "An officer reads a photo only with a reason; it is logged.",
                    "사진 열람 사유를 입력해 주세요. 열람 기록에 남습니다.");
        }
        if (why.length() > REASON_MAX) {
            throw ProblemException.invalidField("reason", "The reason must be at most " + REASON_MAX + " characters.",
                    "열람 사유는 " + REASON_MAX + "자 이내로 입력해 주세요.");
        }
        return why;
    }

    /** Officers' reads of the photos of all the applicant's applications, newest first (내 사진 열람 기록). */
    @Transactional
    public List<PhotoReadView> readsOf(Caller applicant) {
        return PhotoRead.getEntityManager().createQuery("""
                        SELECT r FROM PhotoRead r, PassportApplication a
                        WHERE a.id = r.applicationId AND a.applicantSubject = :subject
                        ORDER BY r.readAt DESC, r.id DESC""", PhotoRead.class)
                .setParameter("subject", applicant.subject()).setMaxResults(readsListed).getResultList().stream()
                .map(PhotoRead::view).toList();
    }

    /**
     * An auditor's search (열람 기록 감사): every officer's photo read in the search's days, by its officer and of its
     * application (by id) if they are named. Only passport officers read photos, so every entry is in that role.
     */
    @Transactional
    public RecordReads search(ReadLogSearch search) {
        if (search.recordId() != null && search.recordUuid().isEmpty()) {
            // The console sends all four services the same id (a PNU, say): one that is no UUID names no record
            // here, so no reads rather than a 400 that would spoil the auditor's search of the other services.
            return RecordReads.of(List.of(), search);
        }
        String byOfficial = search.official() == null ? "" : " AND r.official = :official";
        String byRecord = search.recordId() == null ? "" : " AND r.applicationId = :record";
        var query = PhotoRead.getEntityManager().createQuery("SELECT r FROM PhotoRead r"
                        + " WHERE r.readAt >= :since AND r.readAt < :until" + byOfficial + byRecord
                        + " ORDER BY r.readAt DESC, r.id DESC", PhotoRead.class)
                .setParameter("since", search.since()).setParameter("until", search.until())
                .setMaxResults(search.fetch());
        if (search.official() != null) {
            query.setParameter("official", search.official());
        }
        if (search.recordId() != null) {
            query.setParameter("record", search.recordUuid().orElseThrow());
        }
        return RecordReads.of(query.getResultList().stream().map(r -> new RecordRead(
                r.what == PhotoRead.What.PHOTO ? AUDITED_RECORD : AUDITED_DOCUMENT_RECORD, r.applicationId.toString(),
                r.readAt, r.official, ApplicationResource.OFFICER,
                r.what == PhotoRead.What.PHOTO ? AUDITED_ACTION : AUDITED_DOCUMENT_ACTION, r.reason)).toList(), search);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
    }
}
