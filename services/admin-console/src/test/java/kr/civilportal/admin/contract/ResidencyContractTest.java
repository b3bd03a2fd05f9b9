package kr.civilportal.admin.contract;

import static kr.civilportal.web.testing.PageClients.client;
import static kr.civilportal.web.testing.PageClients.outsideAPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.audit.ResidencyReadLogClient;
import kr.civilportal.admin.casework.Assignee;
import kr.civilportal.admin.casework.Assignment;
import kr.civilportal.admin.residency.PendingMoveIn;
import kr.civilportal.admin.residency.ResidencyOfficeClient;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.admin.residency.ResidentRecord;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.testsupport.contract.RosterState;
import kr.civilportal.web.api.ServiceRefusedException;
import org.junit.jupiter.api.Test;

/**
 * The admin console's contract with residency: a residency officer reads a resident's record (with the reason the
 * console asks for first), as the real {@link ResidencyOfficeClient} reads it. The resident is 박준호 of residency's
 * demo data, who has no login, so residency's other tests never move him. Then the move-in queue's 담당 and
 * 처리기한: the officer's own reports ({@code held=MINE}), taking and letting go of one, another officer's report
 * refused (case-held), and taken over with a reason (담당 인계; without one, refused on the field reason).
 * Residency's demo data has no move-in reports, so each of these names the report it needs
 * (fixed ids, at 종로구청 where residency-officer and residency-officer3 both work, a 처리기한 already past so
 * {@code overdue} stays true whatever day the replay runs) for residency's provider state to set up. The day's
 * figures (counts) are not here: residency's other tests decide reports today in every office, so no state of
 * them could be known before the replay; the console's own tests read them from a stand-in.
 * Committed in residency's test resources, where residency's build replays it.
 */
@QuarkusTest
class ResidencyContractTest {

    private static final UUID PARK_JUNHO = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000003");
    private static final UUID UNKNOWN = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000ff");
    private static final String REASON = "전입신고 심사: 세대 구성 확인";
    private static final Path RESIDENCY = Path.of("..", "residency");
    /**
     * Move-in reports the provider states name: the officer's own, and one that is taken, let go, then held by
     * another officer (each state says who holds it at that step).
     */
    private static final UUID HELD_BY_ME = UUID.fromString("3c9d2f10-6a7b-4e8c-9d01-0000000000a1");
    private static final UUID TO_TAKE = UUID.fromString("3c9d2f10-6a7b-4e8c-9d01-0000000000a2");
    private static final UUID HELD_BY_ANOTHER = TO_TAKE;
    /** The demo residency officers' account ids (the dev realm), which assignments name. */
    private static final String OFFICER = "a1c2e3f4-0000-4000-8000-000000000011";
    private static final String OFFICER2 = "a1c2e3f4-0000-4000-8000-000000000020";
    private static final String OFFICER3 = "a1c2e3f4-0000-4000-8000-000000000021";
    /** 처리기한 of those reports, past (Korean time, as residency writes it). */
    private static final String DUE = "2026-12-04T18:00:00+09:00";
    private static final String SINCE = "2026-12-04T01:02:03Z";
    private static final String TAKEOVER_REASON = "담당자 휴가 (12/7-12/11), 처리기한 임박";
    private static final String DECISION_KEY = "8f2c4a6e-1b3d-4e5f-9a7b-2c4d6e8f0a1b";

    @Test
    void consoleReadsResidencysRecords() throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn residency = ProviderStandIn.start()) {
            ResidencyOfficeClient office = client(residency, ResidencyOfficeClient.class, "residency-officer");

            residency.willAnswer(200, "application/json", """
                    {"record":{"name":"박준호","residentRegistrationNumber":"880702-1******",
                               "address":"서울특별시 종로구 세종대로 209 (세종로), 101동 1203호"}}""");
            ResidentRecord read = outsideAPage(() -> office.readResident(PARK_JUNHO, REASON));
            assertEquals(new ResidentRecord.Record("박준호", "880702-1******",
                    "서울특별시 종로구 세종대로 209 (세종로), 101동 1203호"), read.record(),
                    "the record page shows the number masked");
            interactions.add(residency.exchange("reading a resident's record with a reason",
                    "resident " + PARK_JUNHO + " is registered, born 1988-07-02"));

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> office.readResident(UNKNOWN, REASON))).status());
            interactions.add(residency.exchange("reading the record of someone residency does not know",
                    "no resident has the id " + UNKNOWN));

            // The auditor's search: an official who never read a record (the auditor themselves) in fixed past
            // days, so the answer is the empty list whatever else residency's access log holds.
            ResidencyReadLogClient log = client(residency, ResidencyReadLogClient.class, "auditor");
            residency.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false),
                    outsideAPage(() -> log.search("auditor", null, "2026-01-01", "2026-01-31")));
            interactions.add(residency.exchange("an auditor searches the reads of an official who read none",
                    "nobody named auditor read a resident record"));
            // The same search of one record: the record id goes with the rest, and the official still read none.
            residency.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false),
                    outsideAPage(() -> log.search("auditor", PARK_JUNHO.toString(), "2026-01-01", "2026-01-31")));
            interactions.add(residency.exchange("an auditor searches one resident's reads by an official who read none",
                    "nobody named auditor read a resident record"));

            interactions.addAll(caseHolding(residency, office));
        }
        ConsumerContracts.assertCommitted(new Contract("admin-console", "residency", interactions), RESIDENCY);
    }

    /** 담당 and 처리기한 in the move-in queue: what the console sends and reads of them. */
    private static List<Contract.Interaction> caseHolding(ProviderStandIn residency, ResidencyOfficeClient office)
            throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();

        // 내 업무: the officer's own reports, each with its holder (user name, since when), 처리기한 and overdue, and
        // how many it moves (its filer, of a household of one, alone: nobody listed with them).
        residency.willAnswer(200, "application/json", "[{\"id\":\"" + HELD_BY_ME + "\",\"holder\":{\"officer\":"
                + "\"residency-officer\",\"since\":\"" + SINCE + "\"},\"dueAt\":\"" + DUE + "\",\"overdue\":true,"
                + "\"moverCount\":1,\"movers\":[]}]");
        List<PendingMoveIn> mine = outsideAPage(() -> office.pendingMoveIns(PendingMoveIn.Held.MINE));
        assertEquals(1, mine.size());
        assertEquals(1, mine.get(0).moverCount());
        assertEquals(List.of(), mine.get(0).movers());
        assertEquals(new PendingMoveIn.Holder("residency-officer", Instant.parse(SINCE)), mine.get(0).holder());
        assertTrue(OffsetDateTime.parse(DUE).isEqual(mine.get(0).dueAt()), "처리기한 " + mine.get(0).dueAt());
        assertTrue(mine.get(0).overdue());
        interactions.add(residency.exchange("an officer lists the move-in reports they hold",
                "move-in report " + HELD_BY_ME + " at SEOUL-JONGNO is waiting, due " + DUE
                        + ", and is the only one held by residency-officer, since " + SINCE));

        // 담당하기: the report is the officer's. When they took it is the provider's clock, so it is not read here.
        residency.willAnswer(200, "application/json", "{\"id\":\"" + TO_TAKE + "\",\"holder\":{\"officer\":"
                + "\"residency-officer\"},\"dueAt\":\"" + DUE + "\",\"overdue\":true}");
        PendingMoveIn taken = outsideAPage(() -> office.take(TO_TAKE));
        assertEquals("residency-officer", taken.holder().officer());
        assertTrue(taken.overdue());
        interactions.add(residency.exchange("an officer takes a move-in report nobody holds",
                "move-in report " + TO_TAKE + " at SEOUL-JONGNO is waiting, due " + DUE + ", and held by nobody"));

        // 담당 해제: nobody holds it any more, so the answer has no holder.
        residency.willAnswer(200, "application/json", "{\"id\":\"" + TO_TAKE + "\",\"dueAt\":\"" + DUE
                + "\",\"overdue\":true}");
        PendingMoveIn released = outsideAPage(() -> office.release(TO_TAKE));
        assertNull(released.holder(), "nobody holds it");
        assertEquals(TO_TAKE, released.id());
        interactions.add(residency.exchange("an officer lets go of a move-in report they hold",
                "move-in report " + TO_TAKE + " at SEOUL-JONGNO is waiting, due " + DUE
                        + ", and held by residency-officer"));

        // Another officer's report: taking it, letting it go or deciding it is refused as case-held (the console
        // shows residency's detail, which names the holder, and no decision on that report).
        String heldByAnother = "move-in report " + HELD_BY_ANOTHER + " at SEOUL-JONGNO is waiting, due " + DUE
                + ", and held by residency-officer3";
        String caseHeld = "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409}";
        residency.willAnswer(409, "application/problem+json", caseHeld);
        ServiceRefusedException take = assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.take(HELD_BY_ANOTHER)));
        assertEquals(409, take.status());
        assertTrue(take.problem().is("case-held"));
        interactions.add(residency.exchange("an officer takes a move-in report another officer holds", heldByAnother));

        residency.willAnswer(409, "application/problem+json", caseHeld);
        assertTrue(assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.release(HELD_BY_ANOTHER))).problem().is("case-held"));
        interactions.add(residency.exchange("an officer lets go of a move-in report another officer holds",
                heldByAnother));

        residency.willAnswer(409, "application/problem+json", caseHeld);
        assertTrue(assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.approve(DECISION_KEY, HELD_BY_ANOTHER))).problem().is("case-held"));
        interactions.add(residency.exchange("an officer approves a move-in report another officer holds",
                heldByAnother));

        // 담당 인계: without a reason residency refuses it on the field the console's form shows the error by; with
        // one, the officer holds it and the holding says from whom and why (since when is the provider's clock).
        residency.willAnswer(400, "application/problem+json", "{\"type\":\"urn:civilportal:problem:validation-failed\","
                + "\"status\":400,\"errors\":[{\"field\":\"reason\"}]}");
        ServiceRefusedException noReason = assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.takeOver(HELD_BY_ANOTHER, new ResidencyOfficeClient.Takeover(" "))));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.problem().errors().get(0).field());
        interactions.add(residency.exchange("an officer takes over a move-in report another officer holds, without a "
                + "reason", heldByAnother));

        residency.willAnswer(200, "application/json", "{\"id\":\"" + HELD_BY_ANOTHER + "\",\"holder\":{\"officer\":"
                + "\"residency-officer\",\"takenOverFrom\":\"residency-officer3\",\"takeoverReason\":\"" + TAKEOVER_REASON
                + "\"},\"dueAt\":\"" + DUE + "\",\"overdue\":true}");
        PendingMoveIn takenOver = outsideAPage(() -> office.takeOver(HELD_BY_ANOTHER,
                new ResidencyOfficeClient.Takeover(TAKEOVER_REASON)));
        assertEquals("residency-officer", takenOver.holder().officer());
        assertEquals("residency-officer3", takenOver.holder().takenOverFrom());
        assertEquals(TAKEOVER_REASON, takenOver.holder().takeoverReason());
        interactions.add(residency.exchange("an officer takes over a move-in report another officer holds, with a "
                + "reason", heldByAnother));

        // 배정: whom a report nobody holds may go to (the officers of its office who used residency lately, by user
        // name; 해운대구청's officer is not one), one of another office refused on the field the console's form shows
        // the error by, and one of its office, whose holding then says who assigned it.
        String free = "move-in report " + TO_TAKE + " at SEOUL-JONGNO is waiting, due " + DUE + ", and held by nobody"
                + RosterState.CLAUSE + "residency-officer at SEOUL-JONGNO, residency-officer3 at SEOUL-JONGNO and "
                + "residency-officer2 at BUSAN-HAEUNDAE";
        residency.willAnswer(200, "application/json", "[{\"subject\":\"" + OFFICER + "\",\"officer\":\"residency-officer\"},"
                + "{\"subject\":\"" + OFFICER3 + "\",\"officer\":\"residency-officer3\"}]");
        assertEquals(List.of(new Assignee(OFFICER, "residency-officer"), new Assignee(OFFICER3, "residency-officer3")),
                outsideAPage(() -> office.moveInAssignees(TO_TAKE)));
        interactions.add(residency.exchange("an officer lists whom a move-in report nobody holds may be assigned to",
                free));

        residency.willAnswer(400, "application/problem+json", "{\"type\":\"urn:civilportal:problem:validation-failed\","
                + "\"status\":400,\"errors\":[{\"field\":\"assignee\"}]}");
        assertEquals("assignee", assertThrows(ServiceRefusedException.class, () -> outsideAPage(() -> office.assign(
                TO_TAKE, new Assignment(OFFICER2)))).problem().errors().get(0).field());
        interactions.add(residency.exchange("an officer assigns a move-in report to an officer of another office", free));

        residency.willAnswer(200, "application/json", "{\"id\":\"" + TO_TAKE + "\",\"holder\":{\"officer\":"
                + "\"residency-officer3\",\"assignedBy\":\"residency-officer\"}}");
        PendingMoveIn assigned = outsideAPage(() -> office.assign(TO_TAKE, new Assignment(OFFICER3)));
        assertEquals("residency-officer3", assigned.holder().officer());
        assertEquals("residency-officer", assigned.holder().assignedBy());
        interactions.add(residency.exchange("an officer assigns a move-in report nobody holds to a colleague of its "
                + "office", free));
        interactions.addAll(supplements(residency, office));
        return interactions;
    }

    /** What was asked (보완), a day long past: a deadline as the provider's replay reads it on any later day. */
    private static final String SUPPLEMENT_WHAT = "임대차계약서 사본";
    private static final String SUPPLEMENT_BY = "2026-12-11";
    private static final String SUPPLEMENT_KEY = "8f2c4a6e-1b3d-4e5f-9a7b-2c4d6e8f0a2c";
    private static final String SUPPLEMENT_HELD_KEY = "8f2c4a6e-1b3d-4e5f-9a7b-2c4d6e8f0a3d";

    /**
     * 보완 in the move-in queue: asking for one (refused on the field the console's form shows the error by when the
     * day is past, and case-held on another officer's report) and the list of reports waiting for their filers, each
     * with what was asked, until when and by whom. A successful request is not here: its deadline must be a day
     * from tomorrow on at the replay, which no fixed recording gives; residency's own tests and the console's page
     * tests cover it.
     */
    private static List<Contract.Interaction> supplements(ProviderStandIn residency, ResidencyOfficeClient office)
            throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();
        String free = "move-in report " + TO_TAKE + " at SEOUL-JONGNO is waiting, due " + DUE + ", and held by nobody";
        residency.willAnswer(400, "application/problem+json", "{\"type\":\"urn:civilportal:problem:validation-failed\","
                + "\"status\":400,\"errors\":[{\"field\":\"deadline\"}]}");
        ServiceRefusedException past = assertThrows(ServiceRefusedException.class, () -> outsideAPage(() ->
                office.requestSupplement(SUPPLEMENT_KEY, TO_TAKE, new ResidencyOfficeClient.SupplementRequest(
                        SUPPLEMENT_WHAT, java.time.LocalDate.parse("2026-01-02")))));
        assertEquals("deadline", past.problem().errors().get(0).field());
        interactions.add(residency.exchange("an officer asks for a supplement of a move-in report by a day already "
                + "past", free));

        residency.willAnswer(409, "application/problem+json",
                "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409}");
        assertTrue(assertThrows(ServiceRefusedException.class, () -> outsideAPage(() ->
                office.requestSupplement(SUPPLEMENT_HELD_KEY, HELD_BY_ANOTHER, new ResidencyOfficeClient.SupplementRequest(
                        SUPPLEMENT_WHAT, java.time.LocalDate.parse("2026-01-03"))))).problem().is("case-held"));
        interactions.add(residency.exchange("an officer asks for a supplement of a move-in report another officer "
                + "holds", "move-in report " + HELD_BY_ANOTHER + " at SEOUL-JONGNO is waiting, due " + DUE
                + ", and held by residency-officer3"));

        residency.willAnswer(200, "application/json", "[{\"id\":\"" + HELD_BY_ME + "\",\"status\":"
                + "\"SUPPLEMENT_REQUESTED\",\"supplements\":[{\"what\":\"" + SUPPLEMENT_WHAT + "\",\"deadline\":\""
                + SUPPLEMENT_BY + "\",\"requestedBy\":\"residency-officer\"}]}]");
        List<PendingMoveIn> waiting = outsideAPage(() -> office.moveIns(PendingMoveIn.Held.MINE,
                PendingMoveIn.Status.SUPPLEMENT_REQUESTED));
        assertEquals(1, waiting.size());
        assertTrue(waiting.get(0).waitingForSupplement());
        assertEquals(new PendingMoveIn.Supplement(SUPPLEMENT_WHAT, java.time.LocalDate.parse(SUPPLEMENT_BY), null,
                "residency-officer", null, null), waiting.get(0).lastSupplement());
        interactions.add(residency.exchange("an officer lists the move-in reports they hold that wait for a supplement",
                "move-in report " + HELD_BY_ME + " at SEOUL-JONGNO is the only one held by residency-officer and waits "
                        + "for a supplement of " + SUPPLEMENT_WHAT + " by " + SUPPLEMENT_BY));
        return interactions;
    }
}
