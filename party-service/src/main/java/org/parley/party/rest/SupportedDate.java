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
import java.time.LocalDate;

/**
 * A date with a four-digit year. Java reads years far beyond what PostgreSQL stores ({@code +9999999-01-01}),
 * and such a date would fail in the database instead of being refused here.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SupportedDate.Validator.class)
public @interface SupportedDate {

    String message() default "must be between 0001-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SupportedDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || supported(value);
        }

        static boolean supported(LocalDate date) {
            return date.getYear() >= 1 && date.getYear() <= 9999;
        }
    }
}
