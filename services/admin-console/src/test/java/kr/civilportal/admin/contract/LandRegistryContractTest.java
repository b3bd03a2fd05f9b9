package kr.civilportal.admin.contract;

import static kr.civilportal.web.testing.PageClients.client;
import static kr.civilportal.web.testing.PageClients.outsideAPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.admin.audit.LandReadLogClient;
import kr.civilportal.admin.land.LandOfficeClient;
import kr.civilportal.admin.land.OwnerChangeCause;
import kr.civilportal.admin.land.Parcel;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ServiceRefusedException;
import org.junit.jupiter.api.Test;

/**
 * The admin console's contract with land-registry: a land officer searches by legal dong and lot and opens a
 * parcel, whose owners an officer sees in full, as the real {@link LandOfficeClient} reads land-registry's demo
 * register (청운동 1, never changed by its tests). Committed in land-registry's test resources, where its build
 * replays it.
 */
@QuarkusTest
class LandRegistryContractTest {

    private static final String CHEONGUN_1 = "1111010100100010000";
    private static final String NO_PARCEL = "1111010100100990000";
    private static final Path LAND_REGISTRY = Path.of("..", "land-registry");

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
                    outsideAPage(() -> log.search("auditor", "2026-01-01", "2026-01-31")));
            interactions.add(land.exchange("an auditor searches the owner-name reads of an official who read none",
                    "nobody named auditor read owners' names"));
        }
        ConsumerContracts.assertCommitted(new Contract("admin-console", "land-registry", interactions), LAND_REGISTRY);
    }
}
