package kr.civilportal.citizen.contract;

import static kr.civilportal.web.testing.PageClients.client;
import static kr.civilportal.web.testing.PageClients.outsideAPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.citizen.land.LandClient;
import kr.civilportal.citizen.land.Parcel;
import kr.civilportal.citizen.verification.ExtractVerificationClient;
import kr.civilportal.testsupport.contract.ConsumerContracts;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderStandIn;
import kr.civilportal.web.api.ServiceRefusedException;
import org.junit.jupiter.api.Test;

/**
 * Citizen-web's contract with land-registry: the land pages' parcel search and parcel page, and the public
 * verification of an extract's number, as the real {@link LandClient} and {@link ExtractVerificationClient} read
 * land-registry's answers for its demo register (청운동 1: db/demo/parcels.sql, never changed by its tests).
 * Committed in land-registry's test resources, where its build replays it.
 */
@QuarkusTest
class LandRegistryContractTest {

    private static final String CHEONGUN_1 = "1111010100100010000";
    /** 청운동 99: a well-formed PNU of a lot the demo register does not have. */
    private static final String NO_PARCEL = "1111010100100990000";
    private static final String NEVER_ISSUED = "9876-5432-1098-7658";
    private static final int PAGE_SIZE = 20;
    private static final Path LAND_REGISTRY = Path.of("..", "land-registry");

    @Test
    void citizenWebReadsLandRegistrysAnswers() throws Throwable {
        List<Contract.Interaction> interactions = new ArrayList<>();
        try (ProviderStandIn land = ProviderStandIn.start()) {
            LandClient parcels = client(land, LandClient.class, "citizen");
            ExtractVerificationClient verification = client(land, ExtractVerificationClient.class, null);

            land.willAnswer(200, "application/json", """
                    {"items":[{"pnu":"1111010100100010000","address":"서울특별시 종로구 청운동 1","landCategory":"대",
                               "areaSquareMeters":661.20}],
                     "page":0,"total":1}""");
            Parcel.Page found = outsideAPage(() -> parcels.search("청운동 1", 0, PAGE_SIZE));
            assertEquals(List.of(new Parcel.Summary(CHEONGUN_1, "서울특별시 종로구 청운동 1", "대",
                    new BigDecimal("661.2"))), found.items());
            assertEquals(1, found.total());
            interactions.add(land.exchange("searching parcels by address", "parcel " + CHEONGUN_1 + " is on the register"));

            land.willAnswer(200, "application/json", """
                    {"pnu":"1111010100100010000","address":"서울특별시 종로구 청운동 1",
                     "landCategory":{"code":"08","name":"대","nameEn":"Building site"},"areaSquareMeters":661.20,
                     "officialLandPrices":[{"year":2025,"pricePerSquareMeter":5396000}],
                     "ownerHistory":[{"changedOn":"2009-11-20","ownerName":"김*연","share":"1/2","causeKo":"상속"}]}""");
            Parcel parcel = outsideAPage(() -> parcels.parcel(CHEONGUN_1));
            assertEquals(new Parcel.Category("08", "대", "Building site"), parcel.landCategory());
            assertEquals(new Parcel.Price(2025, 5396000), parcel.officialLandPrices().get(0));
            assertEquals(new Parcel.Owner(LocalDate.of(2009, 11, 20), "김*연", "1/2", "상속"),
                    parcel.ownerHistory().get(0), "a citizen sees owners' names masked");
            interactions.add(land.exchange("a parcel's page", "parcel " + CHEONGUN_1 + " is on the register"));

            land.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> parcels.parcel(NO_PARCEL))).status());
            interactions.add(land.exchange("a parcel the register does not have", "no parcel has the PNU " + NO_PARCEL));

            land.willAnswer(404, "application/problem+json",
                    "{\"type\":\"urn:civilportal:problem:extract-not-issued\",\"status\":404}");
            assertEquals(404, assertThrows(ServiceRefusedException.class,
                    () -> outsideAPage(() -> verification.verify(NEVER_ISSUED))).status(),
                    "the verification page shows 'not genuine' for a 404");
            interactions.add(land.exchange("verifying an extract number that was never issued",
                    "no extract has the issuance number " + NEVER_ISSUED));
        }
        ConsumerContracts.assertCommitted(new Contract("citizen-web", "land-registry", interactions), LAND_REGISTRY);
    }
}
