package kr.civilportal.paymentsandbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import kr.civilportal.testsupport.PostgresResource;

/**
 * Every @QuarkusTest here runs against a real PostgreSQL (started without Docker) and sends its webhooks to a real
 * HTTP receiver in this JVM. No Keycloak: the sandbox has no portal login.
 */
@QuarkusTestResource(value = PostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "paymentsandbox"))
@QuarkusTestResource(value = WebhookReceiver.class, parallel = true)
public class SandboxTestResources {
}
