package kr.civilportal.residency.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.certificate.Certificate;
import kr.civilportal.residency.movein.MoveInReport;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderContracts;
import org.junit.jupiter.api.Test;

/**
 * Residency keeps what its consumers' real clients send and read: every contract in
 * {@code src/test/resources/contracts} (written by the consumers' builds) is replayed against this service with its
 * real database and Keycloak. A field renamed, removed or retyped in an answer a consumer reads fails here.
 */
@QuarkusTest
class ConsumerContractsTest {

    /** The dev realm's secrets of the service clients that call residency (infra/keycloak dev overlay). */
    private static final Map<String, String> CLIENT_SECRETS = Map.of("passport-service", "passport-service-dev-secret");

    /**
     * The data each contract's answer needs, checked in this service's database before the replay, so a contract
     * never passes on data the provider does not hold.
     */
    private static final Map<Pattern, Predicate<Matcher>> STATES = Map.of(
            Pattern.compile("resident (\\S+) is registered, born (\\d{4}-\\d{2}-\\d{2})"), state -> {
                Resident resident = Resident.findById(UUID.fromString(state.group(1)));
                return resident != null && resident.birthDate.equals(LocalDate.parse(state.group(2)));
            },
            Pattern.compile("no resident has the id (\\S+)"),
            state -> Resident.findById(UUID.fromString(state.group(1))) == null,
            Pattern.compile("no certificate has the issuance number (\\S+)"),
            state -> Certificate.findById(state.group(1)) == null,
            Pattern.compile("no move-in report has the id (\\S+)"),
            state -> MoveInReport.findById(UUID.fromString(state.group(1))) == null,
            Pattern.compile("nobody named (\\S+) read a resident record"),
            state -> AccessLogEntry.count("official", state.group(1)) == 0);

    @Test
    void everyConsumersContractIsKept() {
        List<Contract> contracts = ProviderContracts.committed();
        assertFalse(contracts.isEmpty(), "residency's consumers have contracts in src/test/resources/contracts");
        assertEquals(List.of(), ProviderContracts.breaches(contracts, STATES,
                check -> QuarkusTransaction.requiringNew().call(check), CLIENT_SECRETS),
                "what residency's consumers send and read");
    }
}
