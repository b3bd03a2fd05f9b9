package kr.civilportal.admin.contract;

import static kr.civilportal.web.testing.PageClients.client;
import static kr.civilportal.web.testing.PageClients.outsideAPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.audit.LandReadLogClient;
import kr.civilportal.admin.casework.Assignee;
import kr.civilportal.admin.casework.Assignment;
import kr.civilportal.admin.land.LandOfficeClient;
import kr.civilportal.admin.land.OwnerChangeCause;
import kr.civilportal.admin.land.OwnerChangeRequestItem;
import kr.civilportal.admin.land.Parcel;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.testsupport.contract.RosterState;
import kr.civilportal.web.api.ServiceRefusedException;
import org.junit.jupiter.api.Test;

/**
 * The admin console's contract with land-registry: a land officer searches by legal dong and lot and opens a
 * parcel, whose owners an officer sees in full, as the real {@link LandOfficeClient} reads land-registry's demo
 * register (청운동 1, never changed by its tests). Then the land officer's queue of citizens' owner-change requests
 * (소유자 변동 신청): the officer's own ({@code held=MINE}), taking and letting go of one, approving one, rejecting one
 * with a reason, taking one another officer holds (409 case-held), and taking that one over with a reason (담당 인계;
 * without one, refused on the field reason), and assigning one to a colleague (배정: whom it may go to, one of
 * another office refused on the field assignee, one of its office). Land-registry's demo data has no requests, so
 * each state names the request it needs in full (fixed ids, on 신교동 1-2, which no other contract reads, at
 * SEOUL-JONGNO where land-officer works, a 처리기한 already past so {@code overdue} stays true whatever day the replay
 * runs) for land-registry's provider state to set up; see {@link #request}. The day's figures (counts) are not here:
 * land-registry's other tests decide requests in every office, so no value of them is known before the replay; the
 * console's own tests read them from a stand-in. Committed in land-registry's test resources, where its build
 * replays it.
 */
@QuarkusTest
class LandRegistryContractTest {

    private static final String CHEONGUN_1 = "1111010100100010000";
    private static final String NO_PARCEL = "1111010100100990000";
    private static final Path LAND_REGISTRY = Path.of("..", "land-registry");

    /** 서울특별시 종로구 신교동 1-2 of the demo register: no other contract reads its owners, approval appends one. */
    private static final String SINGYO_1_2 = "1111010200100010002";
    private static final String SINGYO_1_2_ADDRESS = "서울특별시 종로구 신교동 1-2";
    private static final String OFFICE = "SEOUL-JONGNO";
    /** Owner-change requests the provider states name, one per interaction (each state says who holds it). */
    private static final UUID LISTED_MINE = UUID.fromString("6b1e4c2a-3d5f-4a7b-8c9d-0000000000b1");
    private static final UUID TO_TAKE = UUID.fromString("6b1e4c2a-3d5f-4a7b-8c9d-0000000000b2");
    private static final UUID TO_APPROVE = UUID.fromString("6b1e4c2a-3d5f-4a7b-8c9d-0000000000b3");
    private static final UUID TO_REJECT = UUID.fromString("6b1e4c2a-3d5f-4a7b-8c9d-0000000000b4");
    private static final UUID HELD_BY_ANOTHER = UUID.fromString("6b1e4c2a-3d5f-4a7b-8c9d-0000000000b5");
    private static final UUID TO_ASSIGN = UUID.fromString("6b1e4c2a-3d5f-4a7b-8c9d-0000000000b6");
    /** The demo land officers' account ids (the dev realm), which assignments name. */
    private static final String LAND_OFFICER = "a1c2e3f4-0000-4000-8000-000000000013";
    private static final String LAND_OFFICER2 = "a1c2e3f4-0000-4000-8000-000000000022";
    private static final String LAND_OFFICER3 = "a1c2e3f4-0000-4000-8000-000000000023";
    /** Who has used land-registry lately (its roster, 직원 명부), which the assignees come from. */
    private static final String ROSTER = RosterState.CLAUSE + "land-officer at SEOUL-JONGNO, land-officer3 at "
            + "SEOUL-JONGNO and land-officer2 at SEOUL-GANGNAM";
    /** When the citizen asked, and the 처리기한, past (a date: land-registry counts 처리기한 in days). */
    private static final String RECEIVED_AT = "2026-12-01T01:02:03Z";
    private static final String DUE = "2026-12-04";
    private static final String SINCE = "2026-12-04T01:02:03Z";
    private static final String REASON = "등기원인을 증명하는 서류가 첨부되지 않았습니다.";
    private static final String TAKEOVER_REASON = "담당자 휴가 (12/7-12/11), 처리기한 임박";
    private static final String DECISION_KEY = "5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a";

    @Test
    void consoleReadsLandRegistrysParcels() throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn land = ProviderStandIn.start()) {
            LandOfficeClient office = client(land, LandOfficeClient.class, "land-officer");

            land.willAnswer(200, "application/json", """
                    {"items":[{"pnu":"1111010100100010000","address":"서울특별시 종로구 청운동 1","landCategory":"대",
                               "areaSquareMeters":661.20}],
                     "page":0,"total":1}""");
            Parcel.Page found = outsideAPage(() -> office.search(null, "1111010100", "1", null, null, 0, 20));
            assertEquals(List.of(new Parcel.Summary(CHEONGUN_1, "서울특별시 종로구 청운동 1", "대",
                    new BigDecimal("661.2"))), found.items());
            interactions.add(land.exchange("searching a legal dong by lot number",
                    "parcel " + CHEONGUN_1 + " is on the register"));

            land.willAnswer(200, "application/json", """
                    {"pnu":"1111010100100010000","address":"서울특별시 종로구 청운동 1","legalDongCode":"1111010100",
                     "landCategory":{"code":"08","name":"대","nameEn":"Building site"},"areaSquareMeters":661.20,
                     "officialLandPrices":[{"year":2025,"pricePerSquareMeter":5396000}],
                     "ownerHistory":[{"sequence":3,"ownerName":"김서연","share":"1/2","changedOn":"2009-11-20",
                                      "cause":"INHERITANCE","recordedAt":"2009-12-01T00:00:00Z"}]}""");
            Parcel parcel = outsideAPage(() -> office.parcel(CHEONGUN_1));
            assertEquals("1111010100", parcel.legalDongCode());
            assertEquals(new Parcel.Owner(3, "김서연", "1/2", LocalDate.of(2009, 11, 20), OwnerChangeCause.INHERITANCE,
                    Instant.parse("2009-12-01T00:00:00Z")), parcel.ownerHistory().get(0),
                    "an officer sees the newest owner's name in full");
            interactions.add(land.exchange("a parcel as a land officer sees it",
                    "parcel " + CHEONGUN_1 + " is on the register"));

            land.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> office.parcel(NO_PARCEL))).status());
            interactions.add(land.exchange("a parcel the register does not have", "no parcel has the PNU " + NO_PARCEL));

            // The auditor's search: an official who never saw owners' names (the auditor themselves) in fixed past
            // days, so the answer is the empty list whatever else land's read log holds.
            LandReadLogClient log = client(land, LandReadLogClient.class, "auditor");
            land.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false),
                    outsideAPage(() -> log.search("auditor", null, "2026-01-01", "2026-01-31")));
            interactions.add(land.exchange("an auditor searches the owner-name reads of an official who read none",
                    "nobody named auditor read owners' names"));
            // The same search of one record: the record id goes with the rest, and the official still read none.
            land.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false),
                    outsideAPage(() -> log.search("auditor", CHEONGUN_1, "2026-01-01", "2026-01-31")));
            interactions.add(land.exchange("an auditor searches one parcel's owner-name reads by an official who "
                    + "read none", "nobody named auditor read owners' names"));

            interactions.addAll(ownerChangeRequests(land, office));
        }
        ConsumerContracts.assertCommitted(new Contract("admin-console", "land-registry", interactions), LAND_REGISTRY);
    }

    /**
     * The provider state of a waiting request: on 신교동 1-2, asked by citizen at {@link #RECEIVED_AT} for 김민준,
     * share 1/1, a sale on 2026-11-30, waiting at SEOUL-JONGNO, due {@link #DUE}, held by {@code holder} (or
     * {@code nobody}); "the only one held" lets go of the officer's other requests; {@code since} when given.
     */
    private static String request(UUID id, String held, String holder, String since) {
        return "owner-change request " + id + " on parcel " + SINGYO_1_2 + ", asked by citizen on " + RECEIVED_AT
                + " for 김민준 (1/1, SALE on 2026-11-30), is waiting at office " + OFFICE + ", due " + DUE + ", and "
                + held + " by " + holder + (since == null ? "" : ", since " + since);
    }

    /** 소유자 변동 신청 in the land officer's queue: what the console sends and reads of it. */
    private static List<Contract.Interaction> ownerChangeRequests(ProviderStandIn land, LandOfficeClient office)
            throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();

        // 내 업무: the officer's own requests, all the queue shows of each.
        land.willAnswer(200, "application/json", """
                [{"id":"%s","pnu":"%s","address":"%s","ownerName":"김민준","share":"1/1","changedOn":"2026-11-30",
                  "cause":"SALE","status":"RECEIVED","requestedBy":"citizen","receivedAt":"%s","dueOn":"%s",
                  "overdue":true,"office":"%s","holder":{"officer":"land-officer","since":"%s"}}]"""
                .formatted(LISTED_MINE, SINGYO_1_2, SINGYO_1_2_ADDRESS, RECEIVED_AT, DUE, OFFICE, SINCE));
        List<OwnerChangeRequestItem> mine = outsideAPage(() -> office.ownerChangeRequests(OwnerChangeRequestItem.Held.MINE));
        assertEquals(1, mine.size());
        OwnerChangeRequestItem listed = mine.get(0);
        assertEquals(LISTED_MINE, listed.id());
        assertEquals(SINGYO_1_2, listed.pnu());
        assertEquals("김민준", listed.ownerName(), "an officer reads the new owner's name in full");
        assertEquals(LocalDate.parse("2026-11-30"), listed.changedOn());
        assertEquals(OwnerChangeCause.SALE, listed.cause());
        assertEquals(OwnerChangeRequestItem.Status.RECEIVED, listed.status());
        assertEquals(Instant.parse(RECEIVED_AT), listed.receivedAt().toInstant());
        assertEquals(LocalDate.parse(DUE), listed.dueOn());
        assertTrue(listed.overdue());
        assertEquals(new OwnerChangeRequestItem.Holder("land-officer", Instant.parse(SINCE)), listed.holder());
        interactions.add(land.exchange("a land officer lists the owner-change requests they hold",
                request(LISTED_MINE, "is the only one held", "land-officer", SINCE)));

        // 담당하기: the request is the officer's. When they took it is the provider's clock, so it is not read here.
        land.willAnswer(200, "application/json", """
                {"id":"%s","status":"RECEIVED","dueOn":"%s","overdue":true,"holder":{"officer":"land-officer"}}"""
                .formatted(TO_TAKE, DUE));
        OwnerChangeRequestItem taken = outsideAPage(() -> office.takeOwnerChangeRequest(TO_TAKE));
        assertEquals("land-officer", taken.holder().officer());
        interactions.add(land.exchange("a land officer takes an owner-change request nobody holds",
                request(TO_TAKE, "held", "nobody", null)));

        // 담당 해제: nobody holds it any more, so the answer has no holder.
        land.willAnswer(200, "application/json", """
                {"id":"%s","status":"RECEIVED","dueOn":"%s","overdue":true}""".formatted(TO_TAKE, DUE));
        OwnerChangeRequestItem released = outsideAPage(() -> office.releaseOwnerChangeRequest(TO_TAKE));
        assertNull(released.holder(), "nobody holds it");
        interactions.add(land.exchange("a land officer lets go of an owner-change request they hold",
                request(TO_TAKE, "held", "land-officer", null)));

        // 승인: the change goes into 신교동 1-2's owner history. The console reads only that it was done; the item's
        // status is here for land-registry to show the decision was made.
        land.willAnswer(200, "application/json", """
                {"id":"%s","status":"APPROVED"}""".formatted(TO_APPROVE));
        assertEquals(200, outsideAPage(() -> office.approveOwnerChangeRequest(DECISION_KEY, TO_APPROVE)).getStatus());
        interactions.add(land.exchange("a land officer approves an owner-change request they hold",
                request(TO_APPROVE, "held", "land-officer", null)));

        // 반려 with its reason.
        land.willAnswer(200, "application/json", """
                {"id":"%s","status":"REJECTED","rejectionReason":"%s"}"""
                .formatted(TO_REJECT, REASON));
        assertEquals(200, outsideAPage(() -> office.rejectOwnerChangeRequest(DECISION_KEY, TO_REJECT,
                new LandOfficeClient.Rejection(REASON))).getStatus());
        interactions.add(land.exchange("a land officer rejects an owner-change request they hold, with a reason",
                request(TO_REJECT, "held", "land-officer", null)));

        // Another officer's request: taking it is refused as case-held (the console shows land-registry's detail,
        // which names the holder, and offers no take or decision on that request).
        land.willAnswer(409, "application/problem+json", "{\"type\":\"urn:civilportal:problem:case-held\",\"status\":409}");
        ServiceRefusedException refused = assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.takeOwnerChangeRequest(HELD_BY_ANOTHER)));
        assertEquals(409, refused.status());
        assertTrue(refused.problem().is("case-held"));
        interactions.add(land.exchange("a land officer takes an owner-change request another officer holds",
                request(HELD_BY_ANOTHER, "held", "land-officer2", null)));

        // 담당 인계: without a reason land-registry refuses it on the field the console's form shows the error by;
        // with one, the officer holds it and the holding says from whom and why (since when is the provider's
        // clock). Both on the same state: land-registry sets the request's holder afresh before each interaction.
        land.willAnswer(400, "application/problem+json", "{\"type\":\"urn:civilportal:problem:validation-failed\","
                + "\"status\":400,\"errors\":[{\"field\":\"reason\"}]}");
        ServiceRefusedException noReason = assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.takeOverOwnerChangeRequest(HELD_BY_ANOTHER,
                        new LandOfficeClient.Takeover(" "))));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.problem().errors().get(0).field());
        interactions.add(land.exchange("a land officer takes over an owner-change request another officer holds, "
                + "without a reason", request(HELD_BY_ANOTHER, "held", "land-officer2", null)));

        land.willAnswer(200, "application/json", """
                {"id":"%s","status":"RECEIVED","dueOn":"%s","overdue":true,"holder":{"officer":"land-officer",
                 "takenOverFrom":"land-officer2","takeoverReason":"%s"}}""".formatted(HELD_BY_ANOTHER, DUE, TAKEOVER_REASON));
        OwnerChangeRequestItem takenOver = outsideAPage(() -> office.takeOverOwnerChangeRequest(HELD_BY_ANOTHER,
                new LandOfficeClient.Takeover(TAKEOVER_REASON)));
        assertEquals("land-officer", takenOver.holder().officer());
        assertEquals("land-officer2", takenOver.holder().takenOverFrom());
        assertEquals(TAKEOVER_REASON, takenOver.holder().takeoverReason());
        interactions.add(land.exchange("a land officer takes over an owner-change request another officer holds, "
                + "with a reason", request(HELD_BY_ANOTHER, "held", "land-officer2", null)));

        // 배정 대상: the land officers of the request's office who used land-registry lately, by user name (the
        // caller among them); 강남구청's officer is not one.
        land.willAnswer(200, "application/json", """
                [{"subject":"%s","officer":"land-officer"},{"subject":"%s","officer":"land-officer3"}]"""
                .formatted(LAND_OFFICER, LAND_OFFICER3));
        assertEquals(List.of(new Assignee(LAND_OFFICER, "land-officer"),
                        new Assignee(LAND_OFFICER3, "land-officer3")),
                outsideAPage(() -> office.ownerChangeRequestAssignees(TO_ASSIGN)));
        interactions.add(land.exchange("a land officer lists whom an owner-change request nobody holds may be "
                + "assigned to", request(TO_ASSIGN, "held", "nobody", null) + ROSTER));

        // 배정 to an officer of another office: refused on the field the console's form shows the error by.
        land.willAnswer(400, "application/problem+json", "{\"type\":\"urn:civilportal:problem:validation-failed\","
                + "\"status\":400,\"errors\":[{\"field\":\"assignee\"}]}");
        ServiceRefusedException elsewhere = assertThrows(ServiceRefusedException.class,
                () -> outsideAPage(() -> office.assignOwnerChangeRequest(TO_ASSIGN,
                        new Assignment(LAND_OFFICER2))));
        assertEquals("assignee", elsewhere.problem().errors().get(0).field());
        interactions.add(land.exchange("a land officer assigns an owner-change request to an officer of another "
                + "office", request(TO_ASSIGN, "held", "nobody", null) + ROSTER));

        // 배정: the colleague holds it, and the holding says who assigned it.
        land.willAnswer(200, "application/json", """
                {"id":"%s","status":"RECEIVED","holder":{"officer":"land-officer3","assignedBy":"land-officer"}}"""
                .formatted(TO_ASSIGN));
        OwnerChangeRequestItem assigned = outsideAPage(() -> office.assignOwnerChangeRequest(TO_ASSIGN,
                new Assignment(LAND_OFFICER3)));
        assertEquals("land-officer3", assigned.holder().officer());
        assertEquals("land-officer", assigned.holder().assignedBy());
        interactions.add(land.exchange("a land officer assigns an owner-change request nobody holds to a colleague "
                + "of its office", request(TO_ASSIGN, "held", "nobody", null) + ROSTER));
        return interactions;
    }
}
