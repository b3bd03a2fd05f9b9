package kr.civilportal.land.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.land.extract.LandExtract;
import kr.civilportal.land.owner.OwnerChangeCause;
import kr.civilportal.land.owner.OwnerNameRead;
import kr.civilportal.land.ownerchange.OwnerChangeFiling;
import kr.civilportal.land.parcel.Parcel;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderContracts;
import kr.civilportal.testsupport.contract.RosterState;
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
            state -> OwnerNameRead.count("official", state.group(1)) == 0,
            Pattern.compile("owner-change request (\\S+) on parcel (\\d{19}), asked by (\\S+) on (\\S+) for (.+?) "
                    + "\\((\\S+), (\\S+) on (\\d{4}-\\d{2}-\\d{2})\\), is waiting at office (\\S+), due (\\d{4}-\\d{2}-\\d{2}), "
                    + "and (is the only one held|held) by (\\S+?)(?:, since (\\S+))?" + RosterState.OPTIONAL_GROUP),
            ConsumerContractsTest::ownerChangeRequestWaiting);

    /** The Keycloak subjects of the demo land officers (infra/keycloak dev overlay). */
    private static final Map<String, String> SUBJECTS = Map.of(
            "land-officer", "a1c2e3f4-0000-4000-8000-000000000013",
            "land-officer2", "a1c2e3f4-0000-4000-8000-000000000022",
            "land-officer3", "a1c2e3f4-0000-4000-8000-000000000023");

    /**
     * Sets the named request up as the state says (created, or reset to waiting if an earlier replay decided it),
     * holder included; "is the only one held" also lets go of the officer's other waiting requests, so that the
     * officer's list (held=MINE) is that one.
     */
    private static boolean ownerChangeRequestWaiting(Matcher state) {
        UUID id = UUID.fromString(state.group(1));
        OwnerChangeFiling f = OwnerChangeFiling.findById(id);
        if (f == null) {
            f = new OwnerChangeFiling();
            f.id = id;
        }
        f.pnu = state.group(2);
        f.filedBy = state.group(3);
        f.filerName = state.group(3);
        f.receivedAt = Instant.parse(state.group(4));
        f.ownerName = state.group(5);
        String[] share = state.group(6).split("/");
        f.shareNumerator = Integer.parseInt(share[0]);
        f.shareDenominator = Integer.parseInt(share[1]);
        f.cause = OwnerChangeCause.valueOf(state.group(7));
        f.changedOn = LocalDate.parse(state.group(8));
        f.officeId = state.group(9);
        f.dueOn = LocalDate.parse(state.group(10));
        f.status = OwnerChangeFiling.Status.RECEIVED;
        f.decidedBy = null;
        f.decidedAt = null;
        f.rejectionReason = null;
        f.ownerChangeSeq = null;
        f.takenOverFrom = null;
        f.takeoverReason = null;
        f.assignedBy = null;
        if (state.group(14) != null) {
            onRoster(state.group(14));
        }
        String holder = state.group(12);
        if (holder.equals("nobody")) {
            f.holderSubject = null;
            f.holderName = null;
            f.heldSince = null;
        } else {
            f.holderSubject = SUBJECTS.get(holder);
            f.holderName = holder;
            f.heldSince = state.group(13) == null ? Instant.now() : Instant.parse(state.group(13));
            if (state.group(11).startsWith("is the only one")) {
                OwnerChangeFiling.update("holderSubject = null, holderName = null, heldSince = null"
                        + " where holderSubject = ?1 and status = ?2 and id <> ?3", f.holderSubject,
                        OwnerChangeFiling.Status.RECEIVED, id);
            }
        }
        f.persist();
        return f.holderSubject != null || holder.equals("nobody");
    }

    /**
     * "land-officer at SEOUL-JONGNO, land-officer3 at SEOUL-JONGNO and …": each has used land-registry just now, for
     * that office, as their own token would have entered them.
     */
    private static void onRoster(String entries) {
        for (RosterState.Entry entry : RosterState.entries(entries)) {
            Panache.getEntityManager().createNativeQuery(RosterState.UPSERT).setParameter(1, SUBJECTS.get(entry.officer()))
                    .setParameter(2, entry.officer()).setParameter(3, entry.office()).executeUpdate();
        }
    }

    @Test
    void everyConsumersContractIsKept() {
        List<Contract> contracts = ProviderContracts.committed();
        assertFalse(contracts.isEmpty(), "land-registry's consumers have contracts in src/test/resources/contracts");
        assertEquals(List.of(), ProviderContracts.breaches(contracts, STATES,
                check -> QuarkusTransaction.requiringNew().call(check), Map.of()),
                "what land-registry's consumers send and read");
    }
}
