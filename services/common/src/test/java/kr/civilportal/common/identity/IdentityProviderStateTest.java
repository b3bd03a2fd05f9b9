package kr.civilportal.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.OIDCException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class IdentityProviderStateTest {

    static final Instant NOON = Instant.parse("2026-12-03T03:00:00Z");

    static IdentityProviderConfig config() {
        return new IdentityProviderConfig() {
            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration outageLogInterval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public RealmKeysConfig realmKeys() {
                throw new UnsupportedOperationException("not read by the state");
            }
        };
    }

    @Test
    void aRefusedRequestMarksTokensUncheckableUntilTheProviderIsBack() {
        IdentityProviderState state = new IdentityProviderState(config(), Clock.fixed(NOON, ZoneOffset.UTC));
        assertTrue(state.unavailableSince().isEmpty());

        state.refused(new OIDCException("OIDC Server is not available", new ConnectException("Connection refused")));
        assertEquals(NOON, state.unavailableSince().orElseThrow());

        state.becameAvailable();
        assertTrue(state.unavailableSince().isEmpty());
    }

    @Test
    void anOutageIsLoggedOncePerIntervalWithTheCountNotOncePerRequest() {
        Instant[] now = {NOON};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.format(record.getMessage(), record.getParameters() == null ? new Object[0]
                        : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(IdentityProviderState.class.getName());
        log.addHandler(capture);
        try {
            IdentityProviderState state = new IdentityProviderState(config(), moving);
            OIDCException outage = new OIDCException("OIDC Server is not available");
            for (int i = 0; i < 50; i++) {
                state.refused(outage);
                now[0] = now[0].plusMillis(100);
            }
            now[0] = NOON.plus(Duration.ofSeconds(61));
            state.refused(outage);
            List<String> reports = lines.stream().filter(l -> l.startsWith("Tokens cannot be checked")).toList();
            assertEquals(2, reports.size(), String.join("\n", lines));
            assertTrue(reports.get(1).contains("50 signed-in request(s) answered 503"), reports.get(1));
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void theFailureBehindARequestIsFoundInItsCauses() {
        OIDCException oidc = new OIDCException("OIDC Server is not available");
        assertEquals(oidc, IdentityProviderOutage.identityProviderFailure(new RuntimeException("wrapped", oidc)));
        assertNull(IdentityProviderOutage.identityProviderFailure(new IllegalStateException("a bug, not an outage")));
        assertNull(IdentityProviderOutage.identityProviderFailure(null));
        assertNotNull(IdentityProviderOutage.identityProviderFailure(oidc));
    }
}
