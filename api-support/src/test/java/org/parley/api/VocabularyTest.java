package org.parley.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One reading of enum wire names and of query parameters for both services. */
class VocabularyTest {

    enum Stance {
        @JsonProperty("accepted_with_reservations") ACCEPTED_WITH_RESERVATIONS,
        @JsonProperty("rejected") REJECTED,
        UNDECLARED
    }

    static class Filter {
        @OneOf(Stance.class) String status;
        @OneOf(Stance.class) List<String> statuses;
        @IsoDate String from;
        @IsoInstant String updatedSince;
        @Uuid String negotiation;
        @SearchText String q;
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void theWireNameIsTheOneJacksonWritesAndReads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Stance term : Stance.values()) {
            assertEquals("\"" + (term == Stance.UNDECLARED ? "UNDECLARED" : Vocabulary.wireName(term)) + "\"", json.writeValueAsString(term));
        }
        assertEquals("accepted with reservations", Vocabulary.words(Stance.ACCEPTED_WITH_RESERVATIONS));
        assertEquals("undeclared", Vocabulary.wireName(Stance.UNDECLARED));
        assertEquals(Optional.of(Stance.REJECTED), Vocabulary.parse(Stance.class, "rejected"));
        assertEquals(Optional.empty(), Vocabulary.parse(Stance.class, "REJECTED"));
        assertEquals("accepted_with_reservations, rejected, undeclared", Vocabulary.allowed(Stance.class));
    }

    @Test
    void goodParametersPassAndReadAsValues() {
        Filter f = new Filter();
        f.status = "rejected";
        f.statuses = List.of("rejected,accepted_with_reservations");
        f.from = "2024-03-14";
        f.updatedSince = "2025-12-02T18:00:00+02:00";
        f.negotiation = "3f2c1b9e-8d4a-4c7e-9f00-1a2b3c4d5e6f";
        f.q = "Witkoff";
        assertEquals(Set.of(), validator.validate(f));
        assertEquals(Stance.REJECTED, QueryValues.term(Stance.class, f.status));
        assertEquals(EnumSet.of(Stance.REJECTED, Stance.ACCEPTED_WITH_RESERVATIONS), QueryValues.terms(Stance.class, f.statuses));
        assertEquals(EnumSet.allOf(Stance.class), QueryValues.terms(Stance.class, List.of()));
        assertEquals(LocalDate.of(2024, 3, 14), QueryValues.date(f.from));
        assertEquals(Instant.parse("2025-12-02T16:00:00Z"), QueryValues.instant(f.updatedSince));
        assertEquals(UUID.fromString(f.negotiation), QueryValues.uuid(f.negotiation));
        assertNull(QueryValues.uuid(" "));
        assertEquals("Witkoff", QueryValues.text(" Witkoff "));
    }

    @Test
    void badParametersAreViolationsNamingTheField() {
        Filter f = new Filter();
        f.status = "nope";
        f.statuses = List.of("rejected,nope");
        f.from = "10000-01-01";
        f.updatedSince = "yesterday";
        f.negotiation = "1-2-3-4-5";
        f.q = "a\u0000b";
        Set<ConstraintViolation<Filter>> violations = validator.validate(f);
        assertEquals(Set.of("status", "statuses", "from", "updatedSince", "negotiation", "q"),
                violations.stream().map(v -> v.getPropertyPath().toString()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(violations.stream().anyMatch(v -> v.getMessage().equals("must be one of: accepted_with_reservations, rejected, undeclared")));
        // A filter read without validation still answers 400, not 500.
        assertEquals(400, assertThrows(ApiException.class, () -> QueryValues.uuid("abc")).status());
        assertThrows(ApiException.class, () -> QueryValues.range("from", LocalDate.of(2025, 1, 2), "to", LocalDate.of(2025, 1, 1)));
    }
}
