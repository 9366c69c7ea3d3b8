package org.parley.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Free text a query parameter matches in the database: bounded, and without the NUL character PostgreSQL cannot hold. Read after validation with {@link QueryValues}. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SearchText.Validator.class)
public @interface SearchText {

    String message() default "must be at most " + QueryValues.MAX_TEXT + " characters without a NUL character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SearchText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || (value.length() <= QueryValues.MAX_TEXT && value.indexOf(0) < 0);
        }
    }
}
