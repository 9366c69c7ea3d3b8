package org.parley.negotiation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@StatementInput.Consistent
@Schema(name = "StatementInput", description = "A quote by an envoy, verbatim, with at least one source")
public record StatementInput(
        @Schema(description = "The negotiation the statement belongs to", required = true)
        @NotNull UUID negotiationId,
        @Schema(description = "The envoy who said it (from the local copy of party-service's envoys)", required = true)
        @NotNull UUID envoyId,
        @Schema(description = "The meeting it concerns, if any; it must belong to the same negotiation")
        UUID meetingId,
        @Schema(description = "The proposal it concerns, if any; it must belong to the same negotiation")
        UUID proposalId,
        @Schema(description = "The words, verbatim, without surrounding quotation marks", required = true,
                examples = "This was a necessary conversation, a very concrete one")
        @NotBlank @Size(max = 5000) String quote,
        @Schema(description = "The day it was said, when reported", examples = "2024-03-12")
        LocalDate saidOn,
        @Schema(description = "How precisely saidOn is known; defaults to exact_day with a date and unknown without one")
        DatePrecision saidOnPrecision,
        @Schema(description = "The date as the source words it, e.g. \"on Thursday\", \"after the talks\"")
        @Size(max = 200) String saidOnAsReported,
        @Schema(description = "Context or a paraphrase note: the circumstances, or what the quote refers to",
                examples = "Putin, on the Kremlin meeting with Witkoff and Kushner")
        @Size(max = 2000) String context,
        @Schema(description = "Where it was reported: at least one", required = true)
        @Size(max = 20) List<@NotNull @Valid Source> sources) {

    /** Cross-field rules, reported on the field a client has to change. */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @jakarta.validation.Constraint(validatedBy = ConsistencyValidator.class)
    public @interface Consistent {
        String message() default "inconsistent statement";

        Class<?>[] groups() default {};

        Class<? extends jakarta.validation.Payload>[] payload() default {};
    }

    public static class ConsistencyValidator implements jakarta.validation.ConstraintValidator<Consistent, StatementInput> {
        @Override
        public boolean isValid(StatementInput request, jakarta.validation.ConstraintValidatorContext context) {
            StatementChecks checks = new StatementChecks(context);
            checks.datePrecision(request.saidOn, request.saidOnPrecision, request.saidOnAsReported, "saidOnPrecision");
            checks.sourceUrls(request.sources);
            return checks.valid();
        }
    }
}
