package org.parley.party.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.parley.party.model.Envoy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The envoy a client sends must not have a mandate that ends before it starts ({@link Envoy#mandateInOrder}).
 * The violation is reported on mandateTo, the field a client fixes.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MandateInOrder.Validator.class)
public @interface MandateInOrder {

    String message() default "must not be before mandateFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MandateInOrder, EnvoyInput> {
        @Override
        public boolean isValid(EnvoyInput envoy, ConstraintValidatorContext context) {
            if (envoy == null || Envoy.mandateInOrder(envoy.mandateFrom(), envoy.mandateTo())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("mandateTo").addConstraintViolation();
            return false;
        }
    }
}
