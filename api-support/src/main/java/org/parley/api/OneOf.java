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
import java.util.Collection;

/**
 * A query parameter that must be a term of a vocabulary, by its {@link Vocabulary#wireName wire name}. Query
 * parameters are taken as strings and checked here, because JAX-RS answers a query parameter it cannot
 * convert with 404, and a bad filter is a 400 that lists the allowed values. On a repeatable parameter
 * (a collection) every value is checked, and each may also be a comma-separated list ({@code kind=a,b}).
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {OneOf.ForText.class, OneOf.ForTexts.class})
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class ForText implements ConstraintValidator<OneOf, String> {
        private Class<? extends Enum<?>> vocabulary;

        @Override
        public void initialize(OneOf annotation) {
            vocabulary = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Terms.known(vocabulary, value.strip(), context);
        }
    }

    class ForTexts implements ConstraintValidator<OneOf, Collection<String>> {
        private Class<? extends Enum<?>> vocabulary;

        @Override
        public void initialize(OneOf annotation) {
            vocabulary = annotation.value();
        }

        @Override
        public boolean isValid(Collection<String> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            for (String value : values) {
                for (String one : value.split(",")) {
                    if (!one.isBlank() && !Terms.known(vocabulary, one.strip(), context)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    final class Terms {
        private Terms() {
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static boolean known(Class<? extends Enum<?>> vocabulary, String value, ConstraintValidatorContext context) {
            if (Vocabulary.parse((Class) vocabulary, value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The allowed values are constants of our own enums: nothing a client sent reaches the template.
            context.buildConstraintViolationWithTemplate("must be one of: " + Vocabulary.allowed(vocabulary)).addConstraintViolation();
            return false;
        }
    }
}
