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
import kr.civilportal.admin.audit.EmergencyReadLogClient;
import kr.civilportal.admin.dispatch.DispatchClient;
import kr.civilportal.admin.dispatch.Report;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.testing.PageClients;
import org.junit.jupiter.api.Test;

/**
 * admin-console's contract with the 119 service, as the dispatch board's real {@link DispatchClient} (with
 * web-common's ApiResponses) shows it, over HTTP to a stand-in, with the demo dispatcher's real token. Committed in
 * emergency-report's test resources, where its build replays it against the real service.
 */
@QuarkusTest
class EmergencyReportContractTest {

    private static final UUID UNKNOWN = UUID.fromString("119e0000-c0de-4000-8000-0000000000fe");
    private static final String ACKNOWLEDGEMENT_KEY = "7a3b9c1d-2e4f-4a5b-8c6d-9e0f1a2b3c4d";
    private static final UUID NOTED = UUID.fromString("119e0000-c0de-4000-8000-00000000a001");
    private static final Instant RECEIVED_AT = Instant.parse("2026-12-01T04:00:00Z");
    private static final String PHONE = "010-2345-6789";
    private static final String NOTE_KEY = "3e8a1c5b-7d2f-4b6e-9a0c-5f1d2e3c4b5a";
    private static final Path EMERGENCY_REPORT = Path.of("..", "emergency-report");

    @Test
    void theDispatchBoardReadsWhatThe119ServiceAnswers() throws Throwable {
        ConsumerContracts.assertCommitted(new Contract("admin-console", "emergency-report",
                PageClients.outsideAPage(EmergencyReportContractTest::exchanges)), EMERGENCY_REPORT);
    }

    private static List<Contract.Interaction> exchanges() {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn emergency = ProviderStandIn.start()) {
            DispatchClient client = PageClients.client(emergency, DispatchClient.class, "dispatcher");

            // A report gone from the board meanwhile: the board shows the refusal and its status.
            emergency.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            ServiceRefusedException refused = assertThrows(ServiceRefusedException.class,
                    () -> client.acknowledge(ACKNOWLEDGEMENT_KEY, UNKNOWN.toString()));
            assertEquals(404, refused.status());
            assertTrue(refused.problem().is("not-found"));
            interactions.add(emergency.exchange("a dispatcher acknowledges a report the service does not know",
                    "no report has the id " + UNKNOWN));

            // A report's own page: the report with the call-back number unmasked, its history, a note added.
            String state = "report " + NOTED + " was received at " + RECEIVED_AT + " from " + PHONE
                    + ", its history started";
            emergency.willAnswer(200, "application/json", "{\"reportId\":\"" + NOTED + "\",\"category\":\"OTHER\","
                    + "\"description\":\"계약 시험: 상황 요원이 메모를 남기는 신고\",\"reporterPhone\":\"" + PHONE + "\","
                    + "\"status\":\"RECEIVED\",\"receivedAt\":\"" + RECEIVED_AT + "\"}");
            Report report = client.report(NOTED.toString());
            assertEquals(Report.Category.OTHER, report.category());
            assertEquals(PHONE, report.reporterPhone());
            assertEquals(Report.Status.RECEIVED, report.status());
            assertEquals(RECEIVED_AT, report.receivedAt());
            interactions.add(emergency.exchange("a dispatcher opens a report", state));

            emergency.willAnswer(200, "application/json",
                    "[{\"kind\":\"RECEIVED\",\"at\":\"" + RECEIVED_AT + "\"}]");
            List<Report.Event> history = client.history(NOTED.toString());
            assertEquals(Report.EventKind.RECEIVED, history.get(0).kind());
            assertEquals(RECEIVED_AT, history.get(0).at());
            interactions.add(emergency.exchange("a dispatcher reads a report's history", state));

            emergency.willAnswer(201, "application/json", "{\"reportId\":\"" + NOTED + "\"}");
            try (var noted = client.note(NOTE_KEY, NOTED.toString(), new DispatchClient.Note("신고자에게 회신 전화함"))) {
                assertEquals(201, noted.getStatus());
            }
            interactions.add(emergency.exchange("a dispatcher notes a report", state));

            // The auditor's search: an official who never saw a call-back number (the auditor themselves) in fixed
            // past days, so the answer is the empty list whatever else the 119 service's read log holds.
            EmergencyReadLogClient log = PageClients.client(emergency, EmergencyReadLogClient.class, "auditor");
            emergency.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false), log.search("auditor", null, "2026-01-01", "2026-01-31"));
            interactions.add(emergency.exchange("an auditor searches the call-back number reads of an official who "
                    + "read none", "nobody named auditor read call-back numbers"));
            // The same search of one record: the record id goes with the rest, and the official still read none.
            emergency.willAnswer(200, "application/json", "{\"reads\":[],\"truncated\":false}");
            assertEquals(new RecordReads(List.of(), false),
                    log.search("auditor", NOTED.toString(), "2026-01-01", "2026-01-31"));
            interactions.add(emergency.exchange("an auditor searches one report's call-back number reads by an "
                    + "official who read none", "nobody named auditor read call-back numbers"));
        }
        return interactions;
    }
}
