package kr.civilportal.citizen.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static kr.civilportal.web.testing.PageClients.client;
import static kr.civilportal.web.testing.PageClients.outsideAPage;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.citizen.certificate.CertificateClient;
import kr.civilportal.citizen.movein.AddressClient;
import kr.civilportal.citizen.movein.HeadChangeClient;
import kr.civilportal.citizen.movein.JoinRequestClient;
import kr.civilportal.citizen.movein.MoveInClient;
import kr.civilportal.citizen.movein.MoveInForm;
import kr.civilportal.citizen.movein.MyHouseholdClient;
import kr.civilportal.citizen.movein.RoadAddress;
import kr.civilportal.citizen.recordreads.RecordReadsClient;
import kr.civilportal.citizen.verification.VerificationClient;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ServiceRefusedException;
import org.junit.jupiter.api.Test;

/**
 * Citizen-web's contract with residency, as its real REST clients (with web-common's ApiRequestHeaders and
 * ApiResponses, as the pages have them) and the pages' reading of the answers show it, over HTTP to a stand-in.
 * Only answers that do not depend on what residency's other tests did: the replay runs in residency's whole suite.
 * The contract is committed in residency's test resources, where residency's build replays it.
 */
@QuarkusTest
class ResidencyContractTest {

    /** Valid check digit (Luhn), so residency looks it up instead of refusing its form. */
    private static final String NEVER_ISSUED = "9876-5432-1098-7658";
    private static final UUID NO_REPORT = UUID.fromString("0c4b7f6e-2d1a-4e8b-9c3d-5f6a7b8c9d0e");
    /** A form's Idempotency-Key, as the pages send with every write. */
    private static final String KEY = "6a2f1e0d-9c8b-4a7f-8e6d-5c4b3a2f1e0d";
    private static final Path RESIDENCY = Path.of("..", "residency");
    /** The demo citizens (residency's DemoResidents): 김지민, head of a household of three, and 이서연. */
    private static final UUID CITIZEN = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000001");
    private static final UUID CITIZEN2 = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000002");
    /** A road-name address of residency's register (the extract holds it), as the move-in form sends it. */
    private static final String SANGAM = "서울특별시 마포구 월드컵북로 396";

    @Test
    void citizenWebReadsResidencysAnswers() throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn residency = ProviderStandIn.start()) {
            VerificationClient verification = client(residency, VerificationClient.class, null);
            MoveInClient moveIns = client(residency, MoveInClient.class, "citizen");
            JoinRequestClient joinRequests = client(residency, JoinRequestClient.class, "citizen");
            CertificateClient certificates = client(residency, CertificateClient.class, "citizen");

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:certificate-not-issued\",\"status\":404}");
            ServiceRefusedException notIssued = assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> verification.verify(NEVER_ISSUED)));
            assertEquals(404, notIssued.status(), "the page shows 'not genuine' for a 404");
            interactions.add(residency.exchange("verifying an issuance number that was never issued",
                    "no certificate has the issuance number " + NEVER_ISSUED));

            residency.willAnswer(400, "application/problem+json", """
                    {"type":"urn:civilportal:problem:validation-failed","status":400,
                     "errors":[{"field":"issuanceNumber"}]}""");
            ServiceRefusedException malformed = assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> verification.verify("1234-5678")));
            assertEquals("issuanceNumber", malformed.problem().errors().get(0).field(),
                    "the page puts it next to its number field");
            interactions.add(residency.exchange("verifying a number that is no issuance number", null));

            residency.willAnswer(400, "application/problem+json", """
                    {"type":"urn:civilportal:problem:validation-failed","status":400,
                     "errors":[{"field":"movedInOn"}]}""");
            MoveInForm future = MoveInForm.of("NEW_HOUSEHOLD", "2999-01-01", "월드컵북로 396", SANGAM, "1502호",
                    null, null, "3f8c9a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", false, null);
            ServiceRefusedException refused = assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> moveIns.file(future.idempotencyKey(), future.request())));
            assertEquals(400, refused.status());
            assertEquals("movedInOn", refused.problem().errors().get(0).field(),
                    "the move-in page shows it next to the date it sent");
            interactions.add(residency.exchange("filing a move-in dated in the future", null));

            // The move-in form's address search: the register's row for a query, read for what the choice shows and
            // sends. The row's management number is not read, so not pinned.
            AddressClient addresses = client(residency, AddressClient.class, "citizen");
            residency.willAnswer(200, "application/json", """
                    [{"roadNameAddress":"서울특별시 종로구 세종대로 209","legalDong":"세종로","buildingName":"정부서울청사",
                      "postalCode":"03171","administrativeDong":"사직동"}]""");
            List<RoadAddress> found = outsideAPage(() -> addresses.search("세종대로 209"));
            assertEquals(List.of(new RoadAddress("서울특별시 종로구 세종대로 209", "세종로", "정부서울청사", "03171", "사직동",
                    null)), found, "the choice shows the row and sends its road-name address");
            interactions.add(residency.exchange("searching the road-name address register for 세종대로 209", null));

            // The move-in form offers the members of the citizen's household by the ids their record lists (the
            // head first, as residency orders a household); /my/household shows the household's address and each
            // member's name and masked number, here the demo citizen's (김지민, head of her household).
            MyHouseholdClient household = client(residency, MyHouseholdClient.class, "citizen");
            residency.willAnswer(200, "application/json", """
                    {"residentId":"%s","household":{"address":"서울특별시 종로구 세종대로 209 (세종로), 101동 1203호",
                     "members":[{"residentId":"%s","name":"김지민","relationToHead":"HEAD",
                     "residentRegistrationNumber":"900315-2******"}]}}"""
                    .formatted(CITIZEN, CITIZEN));
            MyHouseholdClient.MyRecord me = outsideAPage(household::me);
            assertEquals(CITIZEN, me.residentId());
            assertEquals("HEAD", me.household().members().get(0).relationToHead());
            assertEquals("900315-2******", me.household().members().get(0).residentRegistrationNumber());
            assertEquals("서울특별시 종로구 세종대로 209 (세종로), 101동 1203호", me.household().address());
            interactions.add(residency.exchange("reading my household's members to move with me",
                    "resident " + CITIZEN + " is registered, born 1990-03-15"));

            // Naming someone of another household as moving with me: refused by the field the form shows it at.
            residency.willAnswer(400, "application/problem+json", """
                    {"type":"urn:civilportal:problem:validation-failed","status":400,
                     "errors":[{"field":"movers"}]}""");
            MoveInForm stranger = MoveInForm.of("NEW_HOUSEHOLD", "2026-11-20", "월드컵북로 396", SANGAM, "1502호",
                    null, null, "4e9d0b5f-6c7e-4f80-9b0c-1d2e3f4a5b6c", false, List.of(CITIZEN2.toString()));
            ServiceRefusedException notMine = assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> moveIns.file(stranger.idempotencyKey(), stranger.request())));
            assertEquals("movers", notMine.problem().errors().get(0).field(), "shown by the members' check boxes");
            interactions.add(residency.exchange("filing a move-in naming someone of another household as moving with me",
                    "resident " + CITIZEN2 + " is registered, born 1995-11-08"));

            // 보완: the report's own page and the answer form meet a 404 for a report that is not the citizen's.
            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> moveIns.one(NO_REPORT))).status());
            interactions.add(residency.exchange("reading a move-in report that is not mine",
                    "no move-in report has the id " + NO_REPORT));

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> moveIns.answerSupplement(KEY, NO_REPORT, new MoveInClient.SupplementAnswer("서류 제출함"))))
                    .status());
            interactions.add(residency.exchange("answering the supplement of a move-in report that is not mine",
                    "no move-in report has the id " + NO_REPORT));

            // The household and certificate pages meet a 404 when a report or document is not (or no longer) the
            // citizen's: they say it is gone instead of showing the "unavailable" panel.
            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> joinRequests.consent(KEY, NO_REPORT))).status());
            interactions.add(residency.exchange("consenting to a join request that was not sent to me",
                    "no move-in report has the id " + NO_REPORT));

            // 세대주 변경 (docs/head-change.md): a change the citizen is not named in, or none, is a 404 to its
            // consent and to its withdrawal; the page says it is gone (the DELETE is the filer's withdrawal).
            HeadChangeClient headChanges = client(residency, HeadChangeClient.class, "citizen");
            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> headChanges.consent(KEY, NO_REPORT))).status());
            interactions.add(residency.exchange("consenting to a head change that does not name me", null));

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> headChanges.withdraw(KEY, NO_REPORT))).status());
            interactions.add(residency.exchange("withdrawing a head change I did not file", null));

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> moveIns.withdraw(KEY, NO_REPORT))).status());
            interactions.add(residency.exchange("withdrawing a move-in that is not mine",
                    "no move-in report has the id " + NO_REPORT));

            residency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class, () -> outsideAPage(
                    () -> certificates.pdf(NEVER_ISSUED))).status());
            interactions.add(residency.exchange("downloading a certificate I was never issued",
                    "no certificate has the issuance number " + NEVER_ISSUED));

            // 내 정보 열람 기록: the log is a list. Its entries' fields are not pinned here: residency's own tests
            // append to every demo resident's log, so no entry keeps a position a replay could compare.
            RecordReadsClient reads = client(residency, RecordReadsClient.class, "citizen");
            residency.willAnswer(200, "application/json", "[]");
            assertEquals(List.of(), outsideAPage(reads::residencyReads));
            interactions.add(residency.exchange("who read my resident record", null));
        }
        ConsumerContracts.assertCommitted(new Contract("citizen-web", "residency", interactions), RESIDENCY);
    }
}
