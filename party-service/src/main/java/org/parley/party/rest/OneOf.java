package org.parley.party.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.parley.party.service.Vocabulary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter that must be a term of a vocabulary. Query parameters are taken as strings and checked
 * here, because JAX-RS answers a query parameter it cannot convert with 404, and a bad filter is a 400
 * that lists the allowed values.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {
        private Class<? extends Enum<?>> vocabulary;

        @Override
        public void initialize(OneOf annotation) {
            vocabulary = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (Enum<?> term : vocabulary.getEnumConstants()) {
                if (Vocabulary.wireName(term).equals(value)) {
                    return true;
                }
            }
            context.disableDefaultConstraintViolation();
            // The allowed values are constants of our own enums: nothing a client sent reaches the template.
            context.buildConstraintViolationWithTemplate("must be one of: " + Vocabulary.allowed(vocabulary)).addConstraintViolation();
            return false;
        }
    }
}
