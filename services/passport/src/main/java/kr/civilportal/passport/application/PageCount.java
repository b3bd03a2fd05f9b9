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
import java.util.Set;

/**
 * A passport booklet's page count (사증면수): only the two booklets that are printed exist, so any other
 * number is a field error rather than an application no office could fulfil. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PageCount.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PageCount {

    /** The booklets on offer: 26 pages (알뜰여권) and 58 pages. */
    Set<Integer> ALLOWED = Set.of(26, 58);

    String message() default "must be 26 or 58 (사증면수는 26면 또는 58면입니다)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PageCount, Integer> {

        @Override
        public boolean isValid(Integer pages, ConstraintValidatorContext context) {
            return pages == null || isAllowed(pages);
        }

        public static boolean isAllowed(int pages) {
            return ALLOWED.contains(pages);
        }
    }
}
