package kr.civilportal.land.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.common.testing.IdempotencyKeyDeclaredContract;

@QuarkusTest
class IdempotencyKeyDeclaredTest extends IdempotencyKeyDeclaredContract {

    @Override
    protected String apiPrefix() {
        return "/api/land/v1";
    }
}
