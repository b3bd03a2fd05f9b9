package kr.civilportal.citizen.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.citizen.report.EmergencyClient;
import kr.civilportal.citizen.report.ReportAnswers;
import kr.civilportal.citizen.report.ReportStatus;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.testing.PageClients;
import org.junit.jupiter.api.Test;

/**
 * citizen-web's contract with the 119 service, as the receipt page's real {@link EmergencyClient} shows it (no
 * login: the receipt token, sent as its header, is the reporter's proof), over HTTP to a stand-in. Committed in
 * emergency-report's test resources, where its build replays it against the real service.
 */
@QuarkusTest
class EmergencyReportContractTest {

    private static final UUID REPORT = UUID.fromString("119e0000-c0de-4000-8000-00000000c001");
    private static final UUID UNKNOWN = UUID.fromString("119e0000-c0de-4000-8000-0000000000ff");
    private static final String RECEIPT_TOKEN = "citizen-web-contract-receipt-token";
    private static final String RECEIPT_TOKEN_HEADER = "Receipt-Token";
    private static final Path EMERGENCY_REPORT = Path.of("..", "emergency-report");

    @Test
    void theReceiptPageReadsWhatThe119ServiceAnswers() throws Throwable {
        ConsumerContracts.assertCommitted(new Contract("citizen-web", "emergency-report",
                PageClients.outsideAPage(EmergencyReportContractTest::exchanges)), EMERGENCY_REPORT);
    }

    private static List<Contract.Interaction> exchanges() {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn emergency = ProviderStandIn.start(RECEIPT_TOKEN_HEADER)) {
            EmergencyClient client = PageClients.client(emergency, EmergencyClient.class, null);

            // The receipt (접수증): where the report stands, since when, the masked call-back number, the files.
            emergency.willAnswer(200, "application/json", "{\"status\":\"RECEIVED\","
                    + "\"receivedAt\":\"2026-12-01T03:00:00Z\",\"reporterPhone\":\"010-****-5678\",\"attachments\":[]}");
            ReportAnswers.Receipt receipt = client.receipt(REPORT.toString(), RECEIPT_TOKEN);
            assertEquals(ReportStatus.RECEIVED, receipt.status());
            assertEquals(Instant.parse("2026-12-01T03:00:00Z"), receipt.receivedAt());
            assertEquals("010-****-5678", receipt.reporterPhone());
            assertEquals(0, receipt.attachmentCount());
            interactions.add(emergency.exchange("the receipt of a report not yet acknowledged",
                    "report " + REPORT + " was received at 2026-12-01T03:00:00Z from 010-1234-5678 with the receipt "
                            + "token " + RECEIPT_TOKEN));

            // A wrong link (id or token): the page says there is no such receipt.
            emergency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            ServiceRefusedException refused = assertThrows(ServiceRefusedException.class,
                    () -> client.receipt(UNKNOWN.toString(), RECEIPT_TOKEN));
            assertEquals(404, refused.status());
            assertTrue(refused.problem().is("not-found"));
            interactions.add(emergency.exchange("the receipt of a report the service does not know",
                    "no report has the id " + UNKNOWN));
        }
        return interactions;
    }
}
