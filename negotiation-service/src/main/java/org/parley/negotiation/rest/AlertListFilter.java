package org.parley.negotiation.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.Uuid;
import org.parley.events.alert.AlertSeverity;
import org.parley.negotiation.repository.AlertRepository;
import org.parley.negotiation.service.AlertRules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Collectors;

/** The filters of the alerts list. Fields are named as the parameters are: a validation problem names the field. */
public class AlertListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    @Uuid
    String negotiation;

    @Parameter(description = "Party id (alerts about that party)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    @Uuid
    String party;

    @Parameter(description = "Minimum severity (warning gives warning and critical)", schema = @Schema(implementation = AlertSeverity.class))
    @QueryParam("severity")
    @OneOf(AlertSeverity.class)
    String severity;

    @Parameter(description = "Rule name, e.g. position_rejected; see docs/alerts.md")
    @QueryParam("rule")
    @RuleName
    String rule;

    @Parameter(description = "Alerts about changes that happened at or after this instant (or date)")
    @QueryParam("since")
    @IsoInstant
    String since;

    @Parameter(description = "Only alerts raised at or after this instant (ISO-8601 UTC timestamp, or a date meaning its start); alerts never change")
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    /** The parameters as the repository's filter, once Bean Validation has checked them. */
    AlertRepository.Filter filter() {
        AlertSeverity minimum = QueryValues.term(AlertSeverity.class, severity);
        // The severities are ordered lowest first, and alerts store that rank: "at least" is a comparison.
        return new AlertRepository.Filter(QueryValues.uuid(negotiation), QueryValues.uuid(party),
                minimum == null ? null : (short) minimum.ordinal(), QueryValues.text(rule), QueryValues.instant(since),
                QueryValues.instant(updated_since));
    }

    /** The name of one of {@link AlertRules#RULES}: the rules are a table, not a vocabulary enum, so {@code @OneOf} cannot name them. */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = RuleName.Validator.class)
    @interface RuleName {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<RuleName, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isBlank() || AlertRules.rule(value.strip()).isPresent()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                // The rule names are our own constants: nothing a client sent reaches the template.
                context.buildConstraintViolationWithTemplate("must be one of: "
                        + AlertRules.RULES.stream().map(AlertRules.Rule::name).collect(Collectors.joining(", "))).addConstraintViolation();
                return false;
            }
        }
    }
}
