package kr.civilportal.passport.workflow;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.PassportSettings;
import org.jboss.logging.Logger;

/**
 * Rejects the applications whose supplement deadline (보완 기한) passed without an answer, batch after batch. Every
 * replica runs it; {@link Workflow#rejectOverdueSupplements} claims rows with SKIP LOCKED, so none is taken twice.
 * The deadline is a day in Korea: an application asked for a supplement by 12-01 is rejected from 12-02 on.
 */
@ApplicationScoped
public class SupplementDeadlineJob {

    private static final Logger LOG = Logger.getLogger(SupplementDeadlineJob.class);

    private final Workflow workflow;
    private final int batch;

    SupplementDeadlineJob(Workflow workflow, PassportSettings settings) {
        this.workflow = workflow;
        this.batch = settings.supplementDeadline().batch();
    }

    @Scheduled(every = "${portal.passport.supplement-deadline.every}",
            delayed = "${portal.passport.supplement-deadline.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int rejected = rejectOverdue(LocalDate.now(KoreanTime.ZONE));
        if (rejected > 0) {
            LOG.infof("Applications rejected after their supplement deadline: %d", rejected);
        }
    }

    /** Rejects every application whose deadline was before {@code today}; returns how many. */
    public int rejectOverdue(LocalDate today) {
        int total = 0;
        int rejected;
        do {
            rejected = workflow.rejectOverdueSupplements(today, batch);
            total += rejected;
        } while (rejected == batch);
        return total;
    }
}
