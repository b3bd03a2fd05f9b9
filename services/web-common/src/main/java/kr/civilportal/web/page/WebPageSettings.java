package kr.civilportal.web.page;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The page settings both web apps share ({@code portal.web.*}); each app sets them in its application.properties
 * and keeps its own settings under a sub-prefix with a mapping of its own ({@code portal.web.citizen},
 * {@code portal.web.admin}).
 */
@ConfigMapping(prefix = "portal.web")
public interface WebPageSettings {

    /** The language of a visitor who has not chosen one (ko; the realm and the messages offer ko and en). */
    @WithDefault("ko")
    String defaultLanguage();

    /** Where the app's language switch is: each web app has its own, on a path the gateway routes to it. */
    @WithDefault("/lang")
    String languagePath();

    /** The app's home, linked from its not-found and forbidden pages ("/" or "/admin"). */
    @WithDefault("/")
    String homePath();

    /**
     * Where the app serves the shared assets (KRDS, portal.css, scripts): none at the root (citizen-web), "/admin"
     * for the console, which keeps its look while citizen-web is down.
     */
    Optional<String> assetPrefix();

    /** The waiting room a page sends a citizen to when the gateway queues them. */
    WaitingRoom waitingRoom();

    interface WaitingRoom {

        /** The app's path that polls the citizen's place in the queue. */
        String pollPath();

        /** How long the browser keeps an admission ticket (15 minutes). */
        @WithDefault("PT15M")
        Duration ticketMaxAge();
    }
}
