package kr.civilportal.passport.application;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A passport (10 or 5 years) needs a page count; a travel certificate (여행증명서) has none, and being single-use
 * is never a reissue. Reported as field errors on {@code pages} and {@code kind}, alongside the other fields'.
 */
@Documented
@Constraint(validatedBy = BookletFitsValidity.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BookletFitsValidity {

    String message() default "does not fit the validity";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<BookletFitsValidity, ApplicationRequest> {

        @Override
        public boolean isValid(ApplicationRequest r, ConstraintValidatorContext context) {
            if (r == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if ((r.validity() == null || r.validity().hasBooklet()) && r.pages() == null) {
                valid = violation(context, "pages", "is required (사증면수를 선택해 주세요)");
            }
            if (r.validity() == Validity.TRAVEL_CERTIFICATE) {
                if (r.pages() != null) {
                    valid = violation(context, "pages", "must be left out for a travel certificate, which has no "
                            + "booklet (여행증명서는 사증면수를 선택하지 않습니다)");
                }
                if (r.kind() == ApplicationKind.REISSUE) {
                    valid = violation(context, "kind", "must be NEW for a travel certificate, which is single-use "
                            + "(여행증명서는 재발급하지 않습니다)");
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
