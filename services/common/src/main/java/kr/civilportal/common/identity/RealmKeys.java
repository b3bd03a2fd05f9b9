package kr.civilportal.common.identity;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kr.civilportal.common.identity.IdentityProviderConfig.RealmKeysConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The realm's signing keys, fetched from Keycloak while it answers and kept durably (a file; in Kubernetes a
 * ConfigMap), so that an app started, restarted or scaled out while Keycloak is away still checks tokens (issue
 * 26). Fetched every {@code refresh-interval} while Keycloak answers (a rotation reaches the file within it) and
 * tried every {@code retry-interval} while it does not; whether it answered is what {@link IdentityProviderState}
 * says and what {@link RealmKeyTenants} acts on. The keys verify nothing here: Quarkus OIDC does that, with them.
 */
@ApplicationScoped
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class);

    private final RealmKeysConfig config;
    private final IdentityProviderState state;
    private final Optional<String> authServerUrl;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicReference<RealmKeySet> current = new AtomicReference<>(RealmKeySet.empty());
    /** The file's modification time when last read: a ConfigMap's update is picked up without a restart. */
    private volatile FileTime fileRead;
    private final AtomicReference<Instant> lastRecheck = new AtomicReference<>(Instant.EPOCH);
    /** One fetch at a time: requests arriving meanwhile share its answer. */
    private final AtomicReference<Uni<Boolean>> fetching = new AtomicReference<>();
    private WebClient client;
    private volatile boolean stopped;
    /** Whether Keycloak has answered since this app started: until then, its kept keys are all it can trust. */
    private volatile boolean answered;

    @Inject
    RealmKeys(IdentityProviderConfig config, IdentityProviderState state,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl, Vertx vertx) {
        this(config.realmKeys(), state, authServerUrl, vertx, Clock.systemUTC());
    }

    RealmKeys(RealmKeysConfig config, IdentityProviderState state, Optional<String> authServerUrl, Vertx vertx,
            Clock clock) {
        this.config = config;
        this.state = state;
        this.authServerUrl = authServerUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.vertx = vertx;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        if (authServerUrl.isEmpty()) {
            return;
        }
        readFileIfChanged();
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.fetchTimeout().toMillis())
                .setIdleTimeout((int) config.fetchTimeout().toSeconds() + 1));
        // At once, so that an app started while Keycloak is away knows it before its first request.
        fetchEvery(Duration.ZERO);
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
    }

    /**
     * Whether Keycloak answers: it answered the last fetch, and some fetch since start. Until the first one, an app
     * starting while Keycloak is away must not send its first requests to a tenant that cannot start.
     */
    public boolean identityProviderAnswers() {
        return answered && state.unavailableSince().isEmpty();
    }

    /** The keys kept or fetched last; empty if none. */
    public RealmKeySet current() {
        return current.get();
    }

    /**
     * A token came signed by a key not kept while Keycloak seemed away: read the file again if it changed, and ask
     * Keycloak at once (it may be back, with new keys) unless it was asked less than {@code recheck-interval} ago.
     *
     * @return whether Keycloak answered: then its own keys, through the default tenant, decide
     */
    public Uni<Boolean> recheck() {
        readFileIfChanged();
        Instant now = clock.instant();
        Instant last = lastRecheck.get();
        if (now.isBefore(last.plus(config.recheckInterval())) || !lastRecheck.compareAndSet(last, now)) {
            return Uni.createFrom().item(false);
        }
        return fetch();
    }

    private void fetchEvery(Duration delay) {
        if (stopped) {
            return;
        }
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> fetch().subscribe().with(
                answered -> fetchEvery(answered ? config.refreshInterval() : config.retryInterval()),
                failure -> fetchEvery(config.retryInterval())));
    }

    /** Fetches the keys from Keycloak: its discovery document (for the issuer and where the keys are), then them. */
    synchronized Uni<Boolean> fetch() {
        if (client == null) {
            return Uni.createFrom().item(false);
        }
        if (fetching.get() != null) {
            return fetching.get();
        }
        Uni<Boolean> fetch = Uni.createFrom().deferred(() -> client
                        .getAbs(authServerUrl.get() + "/.well-known/openid-configuration")
                        .timeout(config.fetchTimeout().toMillis()).send())
                .map(RealmKeys::json)
                .chain(discovery -> client.getAbs(discovery.getString("jwks_uri"))
                        .timeout(config.fetchTimeout().toMillis()).send()
                        .map(jwks -> kept(json(jwks).encode(), discovery.getString("issuer"))))
                .map(fetched -> {
                    fetched(fetched);
                    return true;
                })
                .onFailure().recoverWithItem(failure -> {
                    unanswered(failure);
                    return false;
                })
                .eventually(() -> fetching.set(null))
                .memoize().indefinitely();
        fetching.set(fetch);
        return fetch;
    }

    private static JsonObject json(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from the identity provider");
        }
        return response.bodyAsJsonObject();
    }

    private String kept(String jwks, String issuer) {
        return RealmKeySet.keep(jwks, issuer, clock.instant());
    }

    private void fetched(String keptJson) {
        RealmKeySet fetched = RealmKeySet.parse(keptJson, null, null);
        RealmKeySet before = current.getAndSet(fetched);
        if (!fetched.sameKeysAs(before)) {
            LOG.infof("Realm signing keys fetched from the identity provider: %d key(s)", fetched.size());
            if (config.write() && config.file().isPresent()) {
                vertx.executeBlocking(() -> {
                    write(config.file().get(), keptJson);
                    return null;
                }).subscribe().with(done -> { }, failure -> LOG.warnf(
                        "The realm keys could not be kept in %s: %s", config.file().get(), failure.getMessage()));
            }
        }
        answered = true;
        state.becameAvailable();
    }

    private void unanswered(Throwable why) {
        readFileIfChanged();
        RealmKeySet kept = current.get();
        state.becameUnavailable(kept.isEmpty()
                ? "no realm keys are kept, so signed-in requests get 503 until it answers"
                : "tokens are checked with the " + kept.size() + " realm key(s) kept at "
                        + kept.fetchedAt().map(Instant::toString).orElse("an unknown time")
                        + "; sign-in and refresh are unavailable");
        LOG.debugf("The identity provider did not answer for its keys: %s", why.getMessage());
    }

    /** Written whole or not at all: another replica, or an app starting, never reads half a file. */
    static void write(Path file, String json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads the kept keys if the file changed since last read; a broken file is reported and not used. */
    void readFileIfChanged() {
        if (config.file().isEmpty()) {
            return;
        }
        Path file = config.file().get();
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(fileRead)) {
                return;
            }
            RealmKeySet kept = RealmKeySet.parse(Files.readString(file, StandardCharsets.UTF_8), null, null);
            fileRead = modified;
            // What Keycloak said last wins over the file, unless it said nothing yet.
            if (current.get().isEmpty() || state.unavailableSince().isPresent()) {
                current.set(kept);
                LOG.infof("Realm signing keys read from %s: %d key(s), fetched at %s", file, kept.size(),
                        kept.fetchedAt().map(Instant::toString).orElse("an unknown time"));
            }
        } catch (NoSuchFileException e) {
            // None kept yet.
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("The realm keys kept in %s cannot be read: %s", file, e.getMessage());
        }
    }
}
