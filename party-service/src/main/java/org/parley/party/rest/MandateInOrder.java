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
 * A mandate cannot end before it starts. The violation is reported on the end field ({@link #end()}),
 * which is the one a client fixes.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MandateInOrder.Validator.class)
public @interface MandateInOrder {

    /** The name of the field that holds the end of the mandate. */
    String end();

    String message() default "must not be before mandateFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Something with a mandate span. */
    interface Span {
        LocalDate mandateFrom();

        LocalDate mandateEnd();
    }

    class Validator implements ConstraintValidator<MandateInOrder, Span> {
        private String end;

        @Override
        public void initialize(MandateInOrder annotation) {
            end = annotation.end();
        }

        @Override
        public boolean isValid(Span span, ConstraintValidatorContext context) {
            if (span == null || span.mandateFrom() == null || span.mandateEnd() == null || !span.mandateEnd().isBefore(span.mandateFrom())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(end).addConstraintViolation();
            return false;
        }
    }
}
