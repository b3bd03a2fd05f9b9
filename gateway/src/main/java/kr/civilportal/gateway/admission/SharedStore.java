package kr.civilportal.gateway.admission;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import kr.civilportal.gateway.routing.GatewayConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store the gateway replicas share their waiting rooms and rate-limit counts through: the gateway's own
 * PostgreSQL (the relay's database), reached through its own small pool (datasource {@code admission}: short
 * time-outs, asynchronous commit, so a slow store is noticed fast and the relay's connections are never taken).
 * Holds this replica's id and the {@link StoreLink}: shared or per replica.
 */
@ApplicationScoped
public class SharedStore {

    /** 26^6, about 3 x 10^8: two processes of one replica name will not meet. */
    private static final int RANDOM_LETTERS = 6;

    private final AgroalDataSource dataSource;
    private final GatewayConfig.SharedStore config;
    private final StoreLink link;

    SharedStore(@DataSource("admission") AgroalDataSource dataSource, GatewayConfig gateway,
                @ConfigProperty(name = "portal.replica") Optional<String> launcherName, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = gateway.sharedStore();
        this.link = new StoreLink(replicaId(launcherName), config.enabled(), Clock.systemUTC());
        Gauge.builder("portal.gateway.admission.shared", link, l -> l.shared() ? 1 : 0)
                .description("1 while waiting rooms and rate limits are shared by all gateway replicas, 0 while "
                        + "this replica queues and counts alone").register(registry);
    }

    /**
     * This process's id in the store: the launcher's replica name or the pod's host name, and a random part (a
     * replica restarted under the same name is another process, with nothing in flight).
     */
    private static String replicaId(Optional<String> launcherName) {
        String name = launcherName.or(() -> Optional.ofNullable(System.getenv("HOSTNAME"))).orElse("gateway");
        // Letters only: a run of digits in a log line could be taken for a phone number by the log masking.
        SecureRandom random = new SecureRandom();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < RANDOM_LETTERS; i++) {
            suffix.append((char) ('a' + random.nextInt(26)));
        }
        String id = name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + suffix;
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }

    public StoreLink link() {
        return link;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whole seconds, at least one (JDBC's query time-out is in seconds). */
    public int statementTimeoutSeconds() {
        return (int) Math.max(1, (config.statementTimeout().toMillis() + 999) / 1000);
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }
}
