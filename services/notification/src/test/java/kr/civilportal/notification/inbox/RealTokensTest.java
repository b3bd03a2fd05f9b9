package kr.civilportal.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import kr.civilportal.notification.Events;
import kr.civilportal.notification.InMemoryChannels;
import kr.civilportal.notification.NotificationTestResources;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The API with the development realm's own tokens (a real Keycloak): a citizen's token carries the audience
 * {@code notification-api} and the {@code resident_id} claim that names whose inbox it is; officials' roles open the
 * deliveries; another application's token of the same user is refused.
 */
@QuarkusTest
class RealTokensTest extends NotificationTestResources {

    private static final String INBOX = "/api/notification/v1/me/notifications";
    /** The demo user {@code citizen}'s resident id (infra/keycloak/portal-realm.dev-overlay.json). */
    private static final String CITIZEN_RESIDENT = "5e0b7a52-1c1d-4c9e-9f00-000000000001";

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aCitizenReadsTheirOwnInboxWithTheirToken() {
        UUID event = UUID.randomUUID();
        UUID petition = UUID.randomUUID();
        connector.source(InMemoryChannels.RESIDENCY).send(Events.received(event, petition, CITIZEN_RESIDENT));
        String citizen = Tokens.of("citizen");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(citizen).when().get(INBOX)
                .then().statusCode(200).extract().jsonPath().getList("items.petitionId").contains(petition.toString()));
        given().auth().oauth2(citizen).when().get(INBOX + "/unread-count").then().statusCode(200);
        given().auth().oauth2(Tokens.of("citizen2")).when().get(INBOX).then().statusCode(200)
                .body("items.petitionId", org.hamcrest.Matchers.not(hasItem(petition.toString())));
    }

    @Test
    void officialsOpenTheDeliveriesCitizensAndOtherApplicationsDoNot() {
        given().auth().oauth2(Tokens.of("admin")).when().get("/api/notification/v1/officer/deliveries")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("citizen")).when().get("/api/notification/v1/officer/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ofUserVia("another-app", "citizen")).when().get(INBOX)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get(INBOX).then().statusCode(401).body("status", equalTo(401));
    }
}
