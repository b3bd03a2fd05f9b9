package kr.civilportal.notification.inbox;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kr.civilportal.common.paging.PageRequest;
import kr.civilportal.common.problem.ProblemException;

/** A citizen's own notifications: listed, counted, marked read. Another citizen's are as if they did not exist. */
@ApplicationScoped
public class Inbox {

    Clock clock = Clock.systemUTC();

    public InboxPage list(UUID residentId, PageRequest paging) {
        var query = InboxMessage.find("residentId", Sort.descending("createdAt", "id"), residentId)
                .page(Page.of(paging.page(), paging.size()));
        return new InboxPage(query.<InboxMessage>list().stream().map(InboxView::of).toList(), paging.page(),
                paging.size(), query.count());
    }

    public UnreadCount unread(UUID residentId) {
        return new UnreadCount(InboxMessage.count("residentId = ?1 and readAt is null", residentId));
    }

    /** Marks the caller's message read (again: nothing changes, the first time stays). */
    @Transactional
    public InboxView markRead(UUID residentId, UUID id) {
        InboxMessage message = InboxMessage.find("id = ?1 and residentId = ?2", id, residentId).firstResult();
        if (message == null) {
            throw ProblemException.notFound("No such notification of yours.", "해당 알림이 없습니다.");
        }
        if (message.readAt == null) {
            message.readAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        }
        return InboxView.of(message);
    }
}
