package kr.civilportal.citizen.notification;

import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import kr.civilportal.citizen.CitizenWebSettings;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The citizen's unread count for the menu's badge on every citizen page. It must never slow or break a page: its
 * own client waits a fraction of a second ({@code quarkus.rest-client.notification-badge.*}), and any failure
 * (refused, down, slow, a waiting room, an answer it cannot read) is no badge. After a failure the badge is not
 * asked for a while ({@code portal.web.citizen.notification.badge-pause}), so a slow notification service costs
 * one page that time-out, not every page.
 */
@ApplicationScoped
public class UnreadBadge {

    private static final Logger LOG = Logger.getLogger(UnreadBadge.class);

    private final UnreadCountClient client;
    private final Duration pause;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant quietUntil = Instant.MIN;

    UnreadBadge(@RestClient UnreadCountClient client, CitizenWebSettings settings) {
        this.client = client;
        this.pause = settings.notification().badgePause();
    }

    /** The signed-in citizen's unread count, or none when it cannot be had at once. */
    public OptionalLong unread() {
        if (Context.isOnEventLoopThread() || Instant.now(clock).isBefore(quietUntil)) {
            return OptionalLong.empty();
        }
        try {
            long unread = client.unread().unread();
            return unread < 0 ? OptionalLong.empty() : OptionalLong.of(unread);
        } catch (RuntimeException e) {
            if (!pause.isZero()) {
                quietUntil = Instant.now(clock).plus(pause);
            }
            LOG.debugf("No unread count for the badge (%s); the pages show none for %s", e.getClass().getSimpleName(),
                    pause);
            return OptionalLong.empty();
        }
    }
}
