package kr.civilportal.residency.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.common.testing.IdempotencyKeyDeclaredContract;

@QuarkusTest
class IdempotencyKeyDeclaredTest extends IdempotencyKeyDeclaredContract {

    @Override
    protected String apiPrefix() {
        return "/api/residency/v1";
    }
}
