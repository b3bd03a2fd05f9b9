package kr.civilportal.emergency.phone;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Delegates to {@link PhoneNumber#problemWith(String)} and reports its precise reason as the message. */
public class KoreanPhoneNumberValidator implements ConstraintValidator<KoreanPhoneNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        // Absent is fine: the phone number is optional. Web forms send an empty field as "".
        if (value == null || value.isBlank()) {
            return true;
        }
        Optional<String> problem = PhoneNumber.problemWith(value);
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // The reason never quotes the input, and holds no '{' or '$' that interpolation would expand.
        context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation();
        return false;
    }
}
