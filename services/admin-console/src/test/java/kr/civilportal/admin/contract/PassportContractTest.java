package kr.civilportal.admin.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.audit.PassportReadLogClient;
import kr.civilportal.admin.casework.Assignee;
import kr.civilportal.admin.casework.Assignment;
import kr.civilportal.admin.passport.Application;
import kr.civilportal.admin.passport.PassportOfficeClient;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.testsupport.contract.RosterState;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.testing.PageClients;
import org.junit.jupiter.api.Test;

/**
 * admin-console's contract with passport, as the officers' queue page's real {@link PassportOfficeClient} (with
 * web-common's ApiResponses) shows it, over HTTP to a stand-in, with the demo passport officer's real token.
 * Committed in passport's test resources, where passport's build replays it against the real service.
 */
@QuarkusTest
class PassportContractTest {

    /** Passport's demo data (passport's DemoApplications): the demo citizen's passport issued in 2019. */
    private static final UUID ISSUED = UUID.fromString("b7e1d0a3-2f4c-4d5e-8a6b-000000000001");
    /** The demo passport officers of 종로구청 (the dev realm): assignments name their account ids. */
    private static final String OFFICER = "a1c2e3f4-0000-4000-8000-000000000012";
    private static final String OFFICER2 = "a1c2e3f4-0000-4000-8000-000000000018";
    private static final String TRANSITION_KEY = "0c5e2b7a-4d1f-4a8e-9b36-1f2e3d4c5b6a";
    private static final String SETTLE_KEY = "5a1f0c3e-8b2d-4e6f-9a7c-3d4e5f6a7b8c";
    private static final Path PASSPORT = Path.of("..", "passport");

    @Test
    void theQueuePageReadsWhatPassportAnswers() throws Throwable {
        ConsumerContracts.assertCommitted(new Contract("admin-console", "passport",
                PageClients.outsideAPage(PassportContractTest::exchanges)), PASSPORT);
    }

    private static List<Contract.Interaction> exchanges() {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn passport = ProviderStandIn.start()) {
            PassportOfficeClient client = PageClients.client(passport, PassportOfficeClient.class, "passport-officer");

            // One application's page: its choices, status, submission and fee (the 2019 schedule: 10 years, 26 pages).
            passport.willAnswer(200, "application/json", "{\"id\":\"" + ISSUED + "\",\"kind\":\"NEW\","
                    + "\"validity\":\"TEN_YEARS\",\"pages\":26,\"status\":\"ISSUED\","
                    + "\"submittedAt\":\"2019-06-10T01:20:00Z\",\"fee\":{\"totalKrw\":50000}}");
            Application issued = client.application(ISSUED);
            assertEquals(Application.Kind.NEW, issued.kind());
            assertEquals(Application.Validity.TEN_YEARS, issued.validity());
            assertEquals(26, issued.pages());
            assertEquals(Application.Status.ISSUED, issued.status());
            assertEquals(Instant.parse("2019-06-10T01:20:00Z"), issued.submittedAt());
            assertEquals(50_000, issued.fee().totalKrw());
            interactions.add(passport.exchange("an officer reads an issued application",
                    "application " + ISSUED + " of citizen is ISSUED"));

            // A step the status does not allow (or another officer was first): the form shows the refusal.
            passport.willAnswer(409, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:invalid-transition\",\"status\":409}");
            ServiceRefusedException refused = assertThrows(ServiceRefusedException.class, () -> client.transition(
                    TRANSITION_KEY, ISSUED, new PassportOfficeClient.Transition(Application.Status.APPROVED, null, null)));
            assertEquals(409, refused.status());
            assertTrue(refused.problem().is("invalid-transition"));
            interactions.add(passport.exchange("an officer approves an application already issued",
                    "application " + ISSUED + " of citizen is ISSUED"));

            // 담당: an issued application is no one's work any more; letting go of one nobody holds changes nothing.
            passport.willAnswer(409, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409}");
            assertEquals(409, assertThrows(ServiceRefusedException.class, () -> client.take(ISSUED)).status());
            interactions.add(passport.exchange("an officer takes an application already issued",
                    "application " + ISSUED + " of citizen is ISSUED"));
            // 담당 인계: taking over an issued application, with its reason, is refused like taking it.
            passport.willAnswer(409, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409}");
            assertEquals(409, assertThrows(ServiceRefusedException.class, () -> client.takeOver(ISSUED,
                    new PassportOfficeClient.Takeover("담당자 휴가 (officer away)"))).status());
            interactions.add(passport.exchange("an officer takes over an application already issued",
                    "application " + ISSUED + " of citizen is ISSUED"));
            passport.willAnswer(200, "application/json", "{\"id\":\"" + ISSUED + "\",\"status\":\"ISSUED\"}");
            Application released = client.release(ISSUED);
            assertEquals(Application.Status.ISSUED, released.status());
            assertEquals(null, released.holder(), "nobody holds it");
            interactions.add(passport.exchange("an officer lets go of an application nobody holds",
                    "application " + ISSUED + " of citizen is ISSUED"));
            // 배정: whom the application may go to (the officers of its office, 종로구청, who used passport lately, by
            // user name; 부산시청's officer is not one); assigning an issued one is refused like taking it.
            String issuedWithRoster = "application " + ISSUED + " of citizen is ISSUED" + RosterState.CLAUSE
                    + "passport-officer at SEOUL-JONGNO, passport-officer2 at SEOUL-JONGNO and passport-officer3 at "
                    + "BUSAN-CITY";
            passport.willAnswer(200, "application/json", "[{\"subject\":\"" + OFFICER + "\",\"officer\":"
                    + "\"passport-officer\"},{\"subject\":\"" + OFFICER2 + "\",\"officer\":\"passport-officer2\"}]");
            assertEquals(List.of(new Assignee(OFFICER, "passport-officer"), new Assignee(OFFICER2, "passport-officer2")),
                    client.assignees(ISSUED));
            interactions.add(passport.exchange("an officer lists whom an application may be assigned to",
                    issuedWithRoster));
            passport.willAnswer(409, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:conflict\",\"status\":409}");
            assertEquals(409, assertThrows(ServiceRefusedException.class, () -> client.assign(ISSUED,
                    new Assignment(OFFICER2))).status());
            interactions.add(passport.exchange("an officer assigns an application already issued to a colleague",
                    issuedWithRoster));

            // The photo, read with a reason (passport logs it): this application has none, which the page shows.
            passport.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            ServiceRefusedException noPhoto = assertThrows(ServiceRefusedException.class,
                    () -> client.photo(ISSUED, "본인 대조 (matching the applicant)"));
            assertEquals(404, noPhoto.status());
            interactions.add(passport.exchange("an officer reads the photo of an application without one",
                    "application " + ISSUED + " of citizen has no photo"));

            // An identity decision on a check residency already settled: the form shows the refusal.
            passport.willAnswer(409, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:identity-check-settled\",\"status\":409}");
            ServiceRefusedException settled = assertThrows(ServiceRefusedException.class,
                    () -> client.settleIdentityCheck(SETTLE_KEY, ISSUED, new PassportOfficeClient.Settlement(
                            Application.Resolution.CONFIRMED, "신분증 대조 확인 (ID card checked at the desk)")));
            assertEquals(409, settled.status());
            assertTrue(settled.problem().is("identity-check-settled"));
            interactions.add(passport.exchange("an officer settles an identity check residency already settled",
                    "application " + ISSUED + " of citizen has its identity check settled"));

            // The auditor's search: an official who never read a photo (the auditor themselves) in fixed past days,
            // so the answer is the empty list whatever else the provider's log holds.
            PassportReadLogClient log = PageClients.client(passport, PassportReadLogClient.class, "auditor");
            passport.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            RecordReads none = log.search("auditor", null, "2026-01-01", "2026-01-31");
            assertEquals(new RecordReads(List.of(), false), none);
            interactions.add(passport.exchange("an auditor searches the photo reads of an official who read none",
                    "nobody named auditor read a photo"));
            // The same search of one record: the record id goes with the rest, and the official still read none.
            passport.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false),
                    log.search("auditor", ISSUED.toString(), "2026-01-01", "2026-01-31"));
            interactions.add(passport.exchange("an auditor searches one application's photo reads by an official "
                    + "who read none", "nobody named auditor read a photo"));

            // A search whose first day is after its last: refused with the field named, nothing read.
            passport.willAnswer(400, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:validation-failed\",\"status\":400}");
            assertEquals(400, assertThrows(ServiceRefusedException.class,
                    () -> log.search(null, null, "2026-01-31", "2026-01-01")).status());
            interactions.add(passport.exchange("an auditor searches from a day after the last", null));
        }
        return interactions;
    }
}
