package kr.civilportal.emergency.phone;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated text, if present, is a Korean mobile or landline number ({@link PhoneNumber}). A Bean
 * Validation constraint rather than a check in the resource, so that a bad number is reported together with
 * every other invalid field of the same request.
 */
@Documented
@Constraint(validatedBy = KoreanPhoneNumberValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface KoreanPhoneNumber {

    String message() default "This is not a Korean mobile or landline number (for example 010-1234-5678).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
