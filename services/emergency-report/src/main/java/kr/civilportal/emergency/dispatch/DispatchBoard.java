package kr.civilportal.emergency.dispatch;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The live feed of the dispatchers' board (상황판) in this replica. Changes reach it through PostgreSQL
 * NOTIFY ({@link BoardNotifications}, {@link BoardListener}): only once committed, so a dispatcher never sees
 * a report that is not stored, and from every replica, so a dispatcher connected to one sees them all.
 */
@ApplicationScoped
public class DispatchBoard {

    private static final Logger LOG = Logger.getLogger(DispatchBoard.class);
    /** A board that falls this far behind is a broken connection, not a slow one. */
    private static final int PER_SUBSCRIBER_BUFFER = 1_000;

    private final BroadcastProcessor<BoardEvent> processor = BroadcastProcessor.create();

    /** Called by {@link BoardListener} with each committed change, from any replica. */
    void deliver(BoardEvent event) {
        synchronized (processor) {
            // BroadcastProcessor wants its signals one at a time; commits happen on many threads.
            processor.onNext(event);
        }
        LOG.debugf("Board: %s %s", event.name(), event.report().reportId());
    }

    /** Every event committed from now on. */
    public Multi<BoardEvent> events() {
        return processor.onOverflow().buffer(PER_SUBSCRIBER_BUFFER);
    }
}
