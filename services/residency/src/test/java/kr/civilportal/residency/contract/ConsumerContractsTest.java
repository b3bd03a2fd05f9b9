package kr.civilportal.residency.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.certificate.Certificate;
import kr.civilportal.residency.movein.MoveInReport;
import kr.civilportal.residency.movein.MoveInSupplement;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderContracts;
import kr.civilportal.testsupport.contract.RosterState;
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
            state -> AccessLogEntry.count("official", state.group(1)) == 0,
            Pattern.compile("move-in report (\\S+) at (\\S+) is waiting, due (\\S+), and (is the only one held|held) by "
                    + "(\\S+?)(?:, since (\\S+))?" + RosterState.OPTIONAL_GROUP), ConsumerContractsTest::moveInWaiting,
            Pattern.compile("move-in report (\\S+) at (\\S+) is the only one held by (\\S+) and waits for a supplement "
                    + "of (.+) by (\\d{4}-\\d{2}-\\d{2})"), ConsumerContractsTest::moveInWaitingForSupplement);

    /**
     * The residents (no login, so no other test files for them) whose move-in reports the console's contract names,
     * by report id.
     */
    private static final Map<UUID, UUID> FILERS = Map.of(
            UUID.fromString("3c9d2f10-6a7b-4e8c-9d01-0000000000a1"), UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000c1"),
            UUID.fromString("3c9d2f10-6a7b-4e8c-9d01-0000000000a2"), UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000c2"));
    /**
     * The filers of the states' reports: residents of the contracts' own, each the head of a household of one. Demo
     * residents would stay on an open report for the rest of the run, and nobody of their household could move with
     * them (a resident is on one open report at a time).
     */
    private static final Map<UUID, String> FILER_NUMBERS = Map.of(
            UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000c1"), "750101-1000011",
            UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000c2"), "750101-2000020");

    private static void registered(UUID filer) {
        if (Resident.findById(filer) != null) {
            return;
        }
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.address = "서울특별시 종로구 삼청로 30, 3층";
        household.persist();
        Resident.create(filer, "계약인", ResidentRegistrationNumber.parse(FILER_NUMBERS.get(filer)), household,
                RelationToHead.HEAD, Arc.container().instance(RrnCipher.class).get()).persist();
    }
    /** The Keycloak subjects of the demo officers (infra/keycloak dev overlay). */
    private static final Map<String, String> SUBJECTS = Map.of(
            "residency-officer", "a1c2e3f4-0000-4000-8000-000000000011",
            "residency-officer2", "a1c2e3f4-0000-4000-8000-000000000020",
            "residency-officer3", "a1c2e3f4-0000-4000-8000-000000000021");

    /**
     * Sets the state up, as residency's demo data holds no move-in reports: the report (filed a day before it is due
     * if it is not there yet) is waiting at the office, due then, held by the officer named (or nobody); "the only
     * one" lets go of the officer's other reports. False for a report no filer is known for, or an officer unknown.
     */
    private static boolean moveInWaiting(Matcher state) {
        UUID id = UUID.fromString(state.group(1));
        OffsetDateTime due = OffsetDateTime.parse(state.group(3));
        String officer = state.group(5);
        boolean nobody = "nobody".equals(officer);
        if (!FILERS.containsKey(id) || (!nobody && !SUBJECTS.containsKey(officer))) {
            return false;
        }
        MoveInReport report = MoveInReport.findById(id);
        if (report == null) {
            registered(FILERS.get(id));
            report = new MoveInReport();
            report.id = id;
            report.residentId = FILERS.get(id);
            report.mode = MoveInReport.Mode.NEW_HOUSEHOLD;
            report.address = "서울특별시 종로구 삼청로 30, 3층";
            report.relationToHead = RelationToHead.HEAD;
            report.movedInOn = due.toLocalDate().minusDays(1);
            report.submittedAt = due.minusDays(1);
            report.status = MoveInReport.Status.SUBMITTED;
            report.persist();
        }
        if (report.status == MoveInReport.Status.SUPPLEMENT_REQUESTED) {
            // Left in 보완 by an earlier replay: answered, so it is waiting again (the round stays in its history).
            MoveInSupplement.update("answer = ?1, answeredAt = ?2 where reportId = ?3 and answeredAt is null "
                    + "and lapsedAt is null", "(contract state)", OffsetDateTime.now(), id);
            report.status = MoveInReport.Status.SUBMITTED;
        }
        if (report.status != MoveInReport.Status.SUBMITTED) {
            return false;
        }
        report.officeId = state.group(2);
        report.dueAt = due;
        if (state.group(4).startsWith("is the only one") && !nobody) {
            MoveInReport.update("holderSubject = null, holderName = null, heldSince = null, takenOverFrom = null, "
                    + "takeoverReason = null where holderSubject = ?1 and id <> ?2", SUBJECTS.get(officer), id);
        }
        report.holderSubject = nobody ? null : SUBJECTS.get(officer);
        report.holderName = nobody ? null : officer;
        report.heldSince = nobody ? null
                : state.group(6) == null ? OffsetDateTime.now() : OffsetDateTime.parse(state.group(6));
        // Held as taken, not taken over (담당 인계): a take-over an earlier replay made is not part of the state.
        report.takenOverFrom = null;
        report.takeoverReason = null;
        report.assignedBy = null;
        if (state.group(7) != null) {
            for (RosterState.Entry entry : RosterState.entries(state.group(7))) {
                MoveInReport.getEntityManager().createNativeQuery(RosterState.UPSERT)
                        .setParameter(1, SUBJECTS.get(entry.officer())).setParameter(2, entry.officer())
                        .setParameter(3, entry.office()).executeUpdate();
            }
        }
        return true;
    }

    /**
     * The report is waiting at the office, held by the officer named (their only one), and in 보완: what was asked by
     * that officer until the day given, as the state names it (an open round of another request is answered first).
     */
    private static boolean moveInWaitingForSupplement(Matcher state) {
        String officer = state.group(3);
        String what = state.group(4);
        LocalDate deadline = LocalDate.parse(state.group(5));
        MoveInReport report = MoveInReport.findById(UUID.fromString(state.group(1)));
        if (report != null && report.status == MoveInReport.Status.SUPPLEMENT_REQUESTED) {
            MoveInSupplement open = MoveInSupplement.find("reportId = ?1 and answeredAt is null and lapsedAt is null",
                    report.id).firstResult();
            if (open != null && open.what.equals(what) && open.deadline.equals(deadline)
                    && open.requestedBy.equals(officer) && SUBJECTS.get(officer).equals(report.holderSubject)) {
                MoveInReport.update("holderSubject = null, holderName = null, heldSince = null, takenOverFrom = null, "
                        + "takeoverReason = null where holderSubject = ?1 and id <> ?2", SUBJECTS.get(officer), report.id);
                report.officeId = state.group(2);
                return true;
            }
        }
        String waiting = "move-in report " + state.group(1) + " at " + state.group(2) + " is waiting, due "
                + OffsetDateTime.now().plusDays(1).withNano(0) + ", and is the only one held by " + officer;
        Matcher asWaiting = STATES.keySet().stream().map(p -> p.matcher(waiting)).filter(Matcher::matches)
                .findFirst().orElseThrow();
        if (!moveInWaiting(asWaiting)) {
            return false;
        }
        report = MoveInReport.findById(UUID.fromString(state.group(1)));
        report.status = MoveInReport.Status.SUPPLEMENT_REQUESTED;
        MoveInSupplement round = new MoveInSupplement();
        round.id = UUID.randomUUID();
        round.reportId = report.id;
        round.what = what;
        round.deadline = deadline;
        round.requestedBy = officer;
        round.requestedAt = OffsetDateTime.now();
        round.persist();
        return true;
    }

    @Test
    void everyConsumersContractIsKept() {
        List<Contract> contracts = ProviderContracts.committed();
        assertFalse(contracts.isEmpty(), "residency's consumers have contracts in src/test/resources/contracts");
        assertEquals(List.of(), ProviderContracts.breaches(contracts, STATES,
                check -> QuarkusTransaction.requiringNew().call(check), CLIENT_SECRETS),
                "what residency's consumers send and read");
    }
}
