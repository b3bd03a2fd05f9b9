package kr.civilportal.gateway.web.passport;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drafts by user (the token's subject), on the server. Kept in this gateway's memory for
 * {@code portal.web.passport.draft-retention}: they survive closing the browser and logging out, not a
 * restart of the gateway (the gateway has no database of its own yet; see the issue-8 report).
 */
@ApplicationScoped
public class PassportDrafts {

    private final Map<String, PassportDraft> drafts = new ConcurrentHashMap<>();
    private final Duration retention;

    PassportDrafts(@ConfigProperty(name = "portal.web.passport.draft-retention", defaultValue = "P7D") Duration retention) {
        this.retention = retention;
    }

    public Optional<PassportDraft> find(String user) {
        Instant oldest = Instant.now().minus(retention);
        drafts.entrySet().removeIf(e -> e.getValue().savedAt.isBefore(oldest));
        return Optional.ofNullable(drafts.get(user));
    }

    public PassportDraft findOrNew(String user) {
        return find(user).orElseGet(PassportDraft::new);
    }

    public void save(String user, PassportDraft draft) {
        draft.savedAt = Instant.now();
        drafts.put(user, draft);
    }

    public void discard(String user) {
        drafts.remove(user);
    }
}
