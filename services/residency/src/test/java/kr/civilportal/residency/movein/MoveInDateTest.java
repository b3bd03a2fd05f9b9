package kr.civilportal.residency.movein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.Set;
import kr.civilportal.common.time.KoreanTime;
import org.junit.jupiter.api.Test;

/**
 * A move-in date is judged by the Korean calendar, not the server's: between 00:00 and 09:00 KST the server's
 * UTC date is still yesterday, and a citizen moving in "today" must not be told the date is in the future.
 */
@QuarkusTest
class MoveInDateTest {

    @Inject
    ValidatorFactory validatorFactory;

    @Inject
    Validator validator;

    @Test
    void theValidatorCountsDaysInKoreanTime() {
        assertEquals(KoreanTime.ZONE, validatorFactory.getClockProvider().getClock().getZone());
    }

    @Test
    void todayInKoreaIsAcceptedAndTomorrowIsNot() {
        LocalDate today = LocalDate.now(KoreanTime.ZONE);
        assertTrue(violationsOn(today).isEmpty(), () -> violationsOn(today).toString());
        Set<ConstraintViolation<MoveInRequest>> tomorrow = violationsOn(today.plusDays(1));
        assertEquals(1, tomorrow.size(), tomorrow::toString);
        assertEquals("movedInOn", tomorrow.iterator().next().getPropertyPath().toString());
    }

    private Set<ConstraintViolation<MoveInRequest>> violationsOn(LocalDate movedInOn) {
        return validator.validate(new MoveInRequest(MoveInReport.Mode.NEW_HOUSEHOLD,
                "서울특별시 마포구 월드컵북로 396, 1502호", movedInOn, null, null, null));
    }
}
