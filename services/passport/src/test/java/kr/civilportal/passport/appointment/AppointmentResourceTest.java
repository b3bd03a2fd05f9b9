package kr.civilportal.passport.appointment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.passport.demo.DemoPickupSlots;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.passport.identity.IdentityFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppointmentResourceTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String SLOT_FULL = "urn:civilportal:problem:slot-full";

    @Inject
    DataSource dataSource;

    @Test
    void demoOfficesOfferSlotsForTheComingDays() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/passport/v1/pickup-slots")
                .then().statusCode(200)
                .body("officeId", hasItem(DemoPickupSlots.JONGNO))
                .body("officeId", hasItem(DemoPickupSlots.BUSAN));
        given().auth().oauth2(Tokens.of("citizen")).queryParam("office", DemoPickupSlots.BUSAN)
                .when().get("/api/passport/v1/pickup-slots")
                .then().statusCode(200)
                .body("size()", greaterThan(0))
                .body("officeId", everyItem(equalTo(DemoPickupSlots.BUSAN)));
    }

    @Test
    void aCitizenBooksMovesAndCancelsWithIdempotentRetries() throws SQLException {
        String id = readyForPickup("citizen");
        UUID first = SlotFixtures.slot(dataSource, 3);
        UUID second = SlotFixtures.slot(dataSource, 3);
        String key = UUID.randomUUID().toString();

        String body = book("citizen", id, first, key).then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Idempotent-Replayed", nullValue())
                .body("slotId", equalTo(first.toString()))
                .body("officeId", equalTo(DemoPickupSlots.JONGNO))
                .extract().asString();
        // The phone retries: the same answer, nothing booked twice.
        String replay = book("citizen", id, first, key).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertEquals(body, replay);
        assertEquals(1, SlotFixtures.booked(dataSource, first));
        // The same key for another slot is a client error.
        book("citizen", id, second, key).then().statusCode(422).contentType("application/problem+json");
        assertEquals(0, SlotFixtures.booked(dataSource, second));

        book("citizen", id, second, UUID.randomUUID().toString()).then().statusCode(200)
                .body("slotId", equalTo(second.toString()));
        assertEquals(0, SlotFixtures.booked(dataSource, first));
        assertEquals(1, SlotFixtures.booked(dataSource, second));
        for (String user : List.of("citizen", "passport-officer")) {
            given().auth().oauth2(Tokens.of(user)).when().get(PATH + "/" + id + "/appointment")
                    .then().statusCode(200).body("slotId", equalTo(second.toString()));
        }
        given().auth().oauth2(Tokens.of("citizen2")).when().get(PATH + "/" + id + "/appointment")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen2")).when().delete(PATH + "/" + id + "/appointment")
                .then().statusCode(404);

        given().auth().oauth2(Tokens.of("citizen")).when().delete(PATH + "/" + id + "/appointment")
                .then().statusCode(204);
        assertEquals(0, SlotFixtures.booked(dataSource, second));
        assertEquals(0, SlotFixtures.count(dataSource,
                "SELECT count(*) FROM pickup_booking WHERE application_id = ?", UUID.fromString(id)));
        given().auth().oauth2(Tokens.of("citizen")).when().delete(PATH + "/" + id + "/appointment")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aFullSlotIsAClearConflict() throws SQLException {
        UUID slot = SlotFixtures.slot(dataSource, 1);
        book("citizen", readyForPickup("citizen"), slot, UUID.randomUUID().toString()).then().statusCode(201);
        book("citizen2", readyForPickup("citizen2"), slot, UUID.randomUUID().toString()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(SLOT_FULL))
                .body("detailKo", not(nullValue()));
        assertEquals(1, SlotFixtures.bookings(dataSource, slot));
    }

    @Test
    void onlyAReadyPassportOfTheCallerCanBeBookedAndAKeyIsRequired() throws SQLException {
        UUID slot = SlotFixtures.slot(dataSource, 5);
        String submitted = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
        book("citizen", submitted, slot, UUID.randomUUID().toString()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-ready-for-pickup"));
        String ready = readyForPickup("citizen");
        book("citizen2", ready, slot, UUID.randomUUID().toString()).then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"slotId\":\"" + slot + "\"}")
                .when().post(PATH + "/" + ready + "/appointment")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:idempotency-key-missing"));
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .when().post(PATH + "/" + ready + "/appointment")
                .then().statusCode(400).body("errors.field", hasItem("slotId"));
        book("citizen", ready, UUID.randomUUID(), UUID.randomUUID().toString()).then().statusCode(400)
                .body("errors.field", hasItem("slotId"));
        assertEquals(0, SlotFixtures.booked(dataSource, slot));
        assertEquals(0, SlotFixtures.count(dataSource,
                "SELECT count(*) FROM pickup_booking WHERE application_id = ?", UUID.fromString(ready)));
    }

    @Test
    void aPassportIsHandedOverOnlyAtTheOfficeThatReceivedIt() throws SQLException {
        UUID jongno = SlotFixtures.slot(dataSource, 3);
        String busan = readyForPickup("citizen2", DemoPickupSlots.BUSAN, "passport-officer3");
        book("citizen2", busan, jongno, UUID.randomUUID().toString()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("slotId"));
        assertEquals(0, SlotFixtures.booked(dataSource, jongno), "nothing booked");
        book("citizen", readyForPickup("citizen"), jongno, UUID.randomUUID().toString()).then().statusCode(201);
    }

    private static Response book(String user, String application, UUID slot, String key) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"slotId\":\"" + slot + "\"}")
                .when().post(PATH + "/" + application + "/appointment");
    }

    /** An application of the user, received in 종로구, taken through the officers' workflow to READY_FOR_PICKUP. */
    private static String readyForPickup(String user) {
        return readyForPickup(user, DemoPickupSlots.JONGNO, "passport-officer");
    }

    /** The same, received at {@code office} and moved by {@code officer} of that office. */
    private static String readyForPickup(String user, String office, String officer) {
        String id = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"" + office + "\"}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
        IdentityFixtures.confirmedByOfficer(id, officer);
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP")) {
            given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON)
                    .body("{\"to\":\"" + to + "\"}").when().post(PATH + "/" + id + "/transitions")
                    .then().statusCode(200);
        }
        return id;
    }
}
