package kr.civilportal.land.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.land.extract.LandExtract;
import kr.civilportal.land.owner.OwnerNameRead;
import kr.civilportal.land.parcel.Parcel;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderContracts;
import org.junit.jupiter.api.Test;

/**
 * Land-registry keeps what its consumers' real clients send and read: every contract in
 * {@code src/test/resources/contracts} (written by the web apps' builds) is replayed against this service with
 * its real database and Keycloak. A field renamed, removed or retyped in an answer a consumer reads fails here.
 */
@QuarkusTest
class ConsumerContractsTest {


    /**
     * The data each contract's answer needs, checked in this service's database before the replay, so a contract
     * never passes on data the provider does not hold.
     */
    private static final Map<Pattern, Predicate<Matcher>> STATES = Map.of(
            Pattern.compile("parcel (\\d{19}) is on the register"),
            state -> Parcel.findById(state.group(1)) != null,
            Pattern.compile("no parcel has the PNU (\\d{19})"),
            state -> Parcel.findById(state.group(1)) == null,
            Pattern.compile("no extract has the issuance number (\\S+)"),
            state -> LandExtract.findById(state.group(1)) == null,
            Pattern.compile("nobody named (\\S+) read owners' names"),
            state -> OwnerNameRead.count("official", state.group(1)) == 0);

    @Test
    void everyConsumersContractIsKept() {
        List<Contract> contracts = ProviderContracts.committed();
        assertFalse(contracts.isEmpty(), "land-registry's consumers have contracts in src/test/resources/contracts");
        assertEquals(List.of(), ProviderContracts.breaches(contracts, STATES,
                check -> QuarkusTransaction.requiringNew().call(check), Map.of()),
                "what land-registry's consumers send and read");
    }
}
