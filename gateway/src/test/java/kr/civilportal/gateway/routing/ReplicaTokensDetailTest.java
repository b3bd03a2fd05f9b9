package kr.civilportal.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** How a replica checks tokens, as the operators' status reads it from the replica's readiness answer. */
class ReplicaTokensDetailTest {

    @Test
    void readsTheIdentityProviderDetailAndStandsInWhenThereIsNone() {
        String readiness = """
                {"status":"UP","checks":[
                  {"name":"Database connections health check","status":"UP","data":{"<default>":"UP"}},
                  {"name":"identity-provider","status":"UP","data":{"tokens":"checked with the 1 realm key(s) kept at \
                2026-12-03T09:00:00Z; the identity provider cannot be reached since 2026-12-03T09:05:00Z"}}]}""";
        assertEquals("checked with the 1 realm key(s) kept at 2026-12-03T09:00:00Z; the identity provider cannot be"
                + " reached since 2026-12-03T09:05:00Z", ReplicaHealth.tokensDetail(Buffer.buffer(readiness)));

        assertEquals("not said", ReplicaHealth.tokensDetail(Buffer.buffer("{\"status\":\"DOWN\",\"checks\":[]}")));
        assertEquals("not said", ReplicaHealth.tokensDetail(Buffer.buffer("<html>502 Bad Gateway</html>")));
    }
}
