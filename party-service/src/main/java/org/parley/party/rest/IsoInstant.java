package org.parley.party.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A query parameter holding an ISO 8601 instant with an offset, such as {@code 2025-12-02T00:00:00Z}. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoInstant.Validator.class)
public @interface IsoInstant {

    String message() default "must be an ISO 8601 timestamp with an offset, in years 1 to 9999, such as 2025-12-02T00:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoInstant, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The instant, or null when the text is not one. */
        static Instant parse(String value) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(value);
                return SupportedDate.Validator.supported(time.toLocalDate()) ? time.toInstant() : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
