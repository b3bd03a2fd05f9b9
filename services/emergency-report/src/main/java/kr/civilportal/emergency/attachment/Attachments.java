package kr.civilportal.emergency.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;

/** Stores screened attachments in the caller's transaction, and finds them for dispatchers. */
@ApplicationScoped
public class Attachments {

    private final EntityManager em;

    Attachments(EntityManager em) {
        this.em = em;
    }

    /** Must run in the report's transaction, so the report and its files commit together or not at all. */
    public List<AttachmentSummary> store(UUID reportId, List<Screening.Accepted> accepted, Instant now) {
        List<AttachmentSummary> stored = new ArrayList<>();
        for (Screening.Accepted a : accepted) {
            byte[] bytes = a.file().bytes();
            ReportAttachment row = new ReportAttachment();
            row.id = UUID.randomUUID();
            row.reportId = reportId;
            row.mediaType = a.type().mediaType();
            row.sizeBytes = bytes.length;
            row.sha256 = sha256(bytes);
            row.content = bytes;
            row.receivedAt = now;
            em.persist(row);
            stored.add(new AttachmentSummary(row.id, row.mediaType, row.sizeBytes, row.receivedAt));
        }
        return stored;
    }

    /** The attachments of each report, oldest first, without their content. */
    public Map<UUID, List<AttachmentSummary>> summaries(Collection<UUID> reportIds) {
        Map<UUID, List<AttachmentSummary>> out = new HashMap<>();
        if (reportIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("""
                SELECT a.reportId, a.id, a.mediaType, a.sizeBytes, a.receivedAt FROM ReportAttachment a
                WHERE a.reportId IN :ids ORDER BY a.receivedAt, a.id""", Object[].class)
                .setParameter("ids", reportIds).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new AttachmentSummary((UUID) r[1], (String) r[2], (Long) r[3], (Instant) r[4]));
        }
        return out;
    }

    public ReportAttachment one(UUID reportId, UUID attachmentId) {
        ReportAttachment a = ReportAttachment.findById(attachmentId);
        if (a == null || !a.reportId.equals(reportId)) {
            throw ProblemException.notFound("No such attachment of this report.", "해당 첨부 파일을 찾을 수 없습니다.");
        }
        return a;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
