package kr.civilportal.residency.movein;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.residency.ResidencySettings;
import org.jboss.logging.Logger;

/**
 * Rejects (반려) the move-in reports whose supplement deadline (보완 기한) passed without an answer, batch after batch,
 * as passport's job of the same name. Every replica runs it; {@link MoveIns#rejectLapsedSupplements} claims rows with
 * SKIP LOCKED, so none is taken twice. The deadline is a day in Korea: a report asked for a supplement by 12-01 is
 * rejected from 12-02 on. {@code decidedBy} names {@link MoveInSupplementing#DEADLINE_ACTOR}.
 */
@ApplicationScoped
public class SupplementDeadlineJob {

    private static final Logger LOG = Logger.getLogger(SupplementDeadlineJob.class);

    private final MoveIns moveIns;
    private final int batch;

    SupplementDeadlineJob(MoveIns moveIns, ResidencySettings settings) {
        this.moveIns = moveIns;
        this.batch = settings.supplementDeadline().batch();
    }

    @Scheduled(every = "${portal.residency.supplement-deadline.every}",
            delayed = "${portal.residency.supplement-deadline.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int rejected = rejectOverdue(LocalDate.now(KoreanTime.ZONE));
        if (rejected > 0) {
            LOG.infof("Move-in reports rejected after their supplement deadline: %d", rejected);
        }
    }

    /** Rejects every report in 보완 whose deadline was before {@code today}; returns how many. */
    public int rejectOverdue(LocalDate today) {
        int total = 0;
        int rejected;
        do {
            rejected = moveIns.rejectLapsedSupplements(today, batch);
            total += rejected;
        } while (rejected == batch);
        return total;
    }
}
