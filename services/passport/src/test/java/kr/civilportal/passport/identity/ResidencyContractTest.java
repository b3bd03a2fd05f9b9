package kr.civilportal.passport.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import org.junit.jupiter.api.Test;

/**
 * Passport's contract with residency, as passport's real {@link ResidencyClient} (with its OIDC client filter, so a
 * real passport-service token from Keycloak) and {@link Residency}'s reading of the answers show it, over HTTP to a
 * stand-in. The contract is committed in residency's test resources, where residency's build replays it against
 * the real residency service.
 */
@QuarkusTest
class ResidencyContractTest {

    /** Residency's demo citizen: registered, born 1990-03-15 (residency's DemoResidents.CITIZEN). */
    private static final UUID REGISTERED = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000001");
    private static final UUID UNKNOWN = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000ff");
    private static final UUID APPLICATION = UUID.fromString("0f1e2d3c-4b5a-4697-8877-665544332211");
    private static final Path RESIDENCY = Path.of("..", "residency");

    @Test
    void passportReadsResidencysIdentityCheck() {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn residency = ProviderStandIn.start()) {
            Residency client = new Residency(QuarkusRestClientBuilder.newBuilder().baseUri(residency.uri())
                    .build(ResidencyClient.class));

            residency.willAnswer(200, "application/json",
                    "{\"residentId\":\"" + REGISTERED + "\",\"registered\":true,\"birthDate\":\"1990-03-15\"}");
            ResidentIdentity identity = client.identityOf(REGISTERED, APPLICATION);
            assertEquals(new ResidentIdentity(REGISTERED, true, LocalDate.of(1990, 3, 15)), identity);
            interactions.add(residency.exchange("identity check of a registered resident",
                    "resident " + REGISTERED + " is registered, born 1990-03-15"));

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertThrows(ResidentNotRegistered.class, () -> client.identityOf(UNKNOWN, APPLICATION));
            interactions.add(residency.exchange("identity check of someone residency does not know",
                    "no resident has the id " + UNKNOWN));
        }
        ConsumerContracts.assertCommitted(new Contract("passport", "residency", interactions), RESIDENCY);
    }
}
