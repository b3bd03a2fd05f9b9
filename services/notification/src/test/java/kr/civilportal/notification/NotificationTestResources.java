package kr.civilportal.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.testsupport.KeycloakResource;
import kr.civilportal.testsupport.PostgresResource;

/**
 * Every @QuarkusTest here runs against a real PostgreSQL (started without Docker), a real SMTP server (GreenMail),
 * a real HTTP text-message provider ({@link TextProviderServer})
 * and the event channels switched to SmallRye's in-memory connector (no Kafka broker here), and a real Keycloak with
 * the development realm: {@code RealTokensTest} calls with its tokens; the other tests give identities with
 * {@code @TestSecurity} and the {@code resident_id} claim ({@link TestCitizens}), for residents of their own.
 */
@QuarkusTestResource(value = PostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(value = SmtpServer.class, parallel = true)
@QuarkusTestResource(value = KeycloakResource.class, parallel = true)
@QuarkusTestResource(value = TextProviderServer.class, parallel = true)
@QuarkusTestResource(value = InMemoryChannels.class)
public class NotificationTestResources {
}
