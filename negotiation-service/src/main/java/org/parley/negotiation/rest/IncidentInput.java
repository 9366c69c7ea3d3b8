package org.parley.negotiation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.IncidentDamage;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.model.IncidentWeaponCount;
import org.parley.negotiation.model.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@IncidentInput.Consistent
@Schema(name = "IncidentInput", description = "An event on the ground as reported, with at least one source")
public record IncidentInput(
        @Schema(description = "The negotiation whose talks it frames, if any")
        UUID negotiationId,
        @Schema(description = "The day it happened, when known", examples = "2024-03-14")
        LocalDate occurredOn,
        @Schema(description = "How precisely occurredOn is known; defaults to exact_day with a date and unknown without one",
                examples = "weekday_as_reported")
        DatePrecision datePrecision,
        @Schema(description = "The date in the report's words", examples = "Thursday")
        @Size(max = 200) String dateAsReported,
        @Schema(required = true)
        @NotNull @Valid IncidentPlace place,
        @Schema(required = true, examples = "missile_strike")
        @NotNull IncidentKind kind,
        @Schema(description = "The weapons in the report's words, when it names them", examples = "drones and artillery")
        @Size(max = 500) String weapons,
        @Schema(description = "One or two sentences on what happened, in the report's terms")
        @Size(max = 2000) String description,
        @Schema(description = "The party it is attributed to (from the local copy of party-service's parties)")
        UUID attributedToPartyId,
        @Schema(description = "Who made the attribution or reported the facts", examples = "local officials")
        @Size(max = 500) String attributedBy,
        @Schema(description = "Casualties; omit when none were reported")
        @Valid IncidentCasualties casualties,
        @Schema(description = "What was damaged")
        @Size(max = 100) List<@NotNull @Valid IncidentDamage> damage,
        @Schema(description = "Weapons launched, with counts")
        @Size(max = 50) List<@NotNull @Valid IncidentWeaponCount> weaponsLaunched,
        @Schema(description = "What followed from it", examples = "[\"Kherson Thermal Power Plant, which supplies heating to over 40,000 residents, shut down\"]")
        @Size(max = 50) List<@NotNull @NotBlank @Size(max = 1000) String> consequences,
        @Schema(description = "Where it was reported: at least one", required = true)
        @Size(max = 20) List<@NotNull @Valid Source> sources) {

    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @jakarta.validation.Constraint(validatedBy = ConsistencyValidator.class)
    public @interface Consistent {
        String message() default "inconsistent incident";

        Class<?>[] groups() default {};

        Class<? extends jakarta.validation.Payload>[] payload() default {};
    }

    public static class ConsistencyValidator implements jakarta.validation.ConstraintValidator<Consistent, IncidentInput> {
        @Override
        public boolean isValid(IncidentInput request, jakarta.validation.ConstraintValidatorContext context) {
            StatementChecks checks = new StatementChecks(context);
            checks.datePrecision(request.occurredOn, request.datePrecision, request.dateAsReported, "datePrecision");
            IncidentPlace place = request.place;
            if (place != null) {
                if (place.namesNoPlace()) {
                    checks.fail("place", "give at least one of city, region, country or asReported");
                }
                if ((place.latitude() == null) != (place.longitude() == null)) {
                    checks.fail("place", "latitude and longitude go together");
                }
            }
            IncidentCasualties casualties = request.casualties;
            if (casualties != null) {
                if (exceeds(casualties.childrenKilled(), casualties.killed())) {
                    checks.fail("casualties", "childrenKilled cannot exceed killed, which counts children too");
                }
                if (exceeds(casualties.childrenInjured(), casualties.injured())) {
                    checks.fail("casualties", "childrenInjured cannot exceed injured, which counts children too");
                }
            }
            if (request.damage != null) {
                for (IncidentDamage item : request.damage) {
                    if (item != null && item.qualifier() != null && item.count() == null) {
                        checks.fail("damage", "a qualifier (\"over\", \"about\") qualifies a count: give the count too");
                        break;
                    }
                }
            }
            if (request.weaponsLaunched != null) {
                for (IncidentWeaponCount item : request.weaponsLaunched) {
                    if (item != null && item.qualifier() != null && item.count() == null) {
                        checks.fail("weaponsLaunched", "a qualifier (\"over\", \"about\") qualifies a count: give the count too");
                        break;
                    }
                }
            }
            checks.sourceUrls(request.sources);
            return checks.valid();
        }

        private static boolean exceeds(Integer part, Integer whole) {
            return part != null && whole != null && part > whole;
        }
    }
}
