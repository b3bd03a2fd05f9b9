package kr.civilportal.admin.contract;

import static kr.civilportal.web.testing.PageClients.client;
import static kr.civilportal.web.testing.PageClients.outsideAPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.audit.ResidencyReadLogClient;
import kr.civilportal.admin.residency.ResidencyOfficeClient;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.admin.residency.ResidentRecord;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ServiceRefusedException;
import org.junit.jupiter.api.Test;

/**
 * The admin console's contract with residency: a residency officer reads a resident's record (with the reason the
 * console asks for first), as the real {@link ResidencyOfficeClient} reads it. The resident is 박준호 of residency's
 * demo data, who has no login, so residency's other tests never move him. Committed in residency's test resources,
 * where residency's build replays it.
 */
@QuarkusTest
class ResidencyContractTest {

    private static final UUID PARK_JUNHO = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-000000000003");
    private static final UUID UNKNOWN = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000ff");
    private static final String REASON = "전입신고 심사: 세대 구성 확인";
    private static final Path RESIDENCY = Path.of("..", "residency");

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
                    outsideAPage(() -> log.search("auditor", "2026-01-01", "2026-01-31")));
            interactions.add(residency.exchange("an auditor searches the reads of an official who read none",
                    "nobody named auditor read a resident record"));
        }
        ConsumerContracts.assertCommitted(new Contract("admin-console", "residency", interactions), RESIDENCY);
    }
}
