package kr.civilportal.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kr.civilportal.notification.Events;
import kr.civilportal.notification.InMemoryChannels;
import kr.civilportal.notification.NotificationTestResources;
import kr.civilportal.notification.TestCitizens;
import org.junit.jupiter.api.Test;

/** The citizen's inbox: their own notifications only, newest first, counted, marked read. */
@QuarkusTest
class InboxResourceTest extends NotificationTestResources {

    private static final String INBOX = "/api/notification/v1/me/notifications";
    private static final UUID OWNER = UUID.fromString(TestCitizens.INBOX_OWNER);

    @Inject
    @Any
    InMemoryConnector connector;

    /** A notification for the owner, through the channel like any; returns its inbox message's id. */
    private UUID notifyOwner() {
        UUID event = UUID.randomUUID();
        connector.source(InMemoryChannels.RESIDENCY).send(Events.received(event, UUID.randomUUID(), OWNER.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> idOf(event) != null);
        return idOf(event);
    }

    private static UUID idOf(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<InboxMessage> found = InboxMessage.list("eventId", event);
            return found.isEmpty() ? null : found.getFirst().id;
        });
    }

    @Test
    @TestSecurity(user = "citizen", roles = "citizen")
    @OidcSecurity(claims = @Claim(key = "resident_id", value = TestCitizens.INBOX_OWNER))
    void newestFirstCountedAndMarkedReadOnce() {
        UUID older = notifyOwner();
        UUID newer = notifyOwner();
        int unread = given().when().get(INBOX + "/unread-count").then().statusCode(200)
                .extract().path("unread");

        given().when().get(INBOX + "?size=2").then().statusCode(200)
                .body("items[0].id", equalTo(newer.toString()))
                .body("items[1].id", equalTo(older.toString()))
                .body("page", equalTo(0)).body("size", equalTo(2));

        String readAt = given().when().post(INBOX + "/" + older + "/read").then().statusCode(200)
                .body("readAt", notNullValue()).extract().path("readAt");
        // again: nothing changes
        given().when().post(INBOX + "/" + older + "/read").then().statusCode(200).body("readAt", equalTo(readAt));
        given().when().get(INBOX + "/unread-count").then().statusCode(200).body("unread", equalTo(unread - 1));
    }

    @Test
    @TestSecurity(user = "citizen2", roles = "citizen")
    @OidcSecurity(claims = @Claim(key = "resident_id", value = TestCitizens.INBOX_OTHER))
    void anotherCitizenCanNeitherReadNorMarkSomeonesMessage() {
        UUID someones = notifyOwner();
        given().when().get(INBOX + "?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(someones.toString())));
        given().when().post(INBOX + "/" + someones + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        Object readAt = QuarkusTransaction.requiringNew().call(
                () -> InboxMessage.<InboxMessage>findById(someones).readAt);
        assertEquals(null, readAt);
    }

    @Test
    @TestSecurity(user = "citizen", roles = "citizen")
    @OidcSecurity(claims = @Claim(key = "resident_id", value = TestCitizens.INBOX_OWNER))
    void badPagingIsAFieldError() {
        given().when().get(INBOX + "?size=abc&page=-1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    @TestSecurity(user = "official", roles = "residency-officer")
    void officialsHaveNoInbox() {
        given().when().get(INBOX).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "citizen", roles = "citizen")
    void aCitizenWithoutAResidentRecordHasNoInbox() {
        given().when().get(INBOX + "/unread-count").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAreRefused() {
        given().when().get(INBOX).then().statusCode(401);
    }
}
