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

/** A query parameter holding an id (a UUID). Typed {@code UUID} parameters would make JAX-RS answer a bad one with 404. Read after validation with {@link QueryValues}. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Uuid.Validator.class)
public @interface Uuid {

    String message() default "must be a UUID such as 3f2c1b9e-8d4a-4c7e-9f00-1a2b3c4d5e6f";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Uuid, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || QueryValues.parseUuid(value) != null;
        }
    }
}
