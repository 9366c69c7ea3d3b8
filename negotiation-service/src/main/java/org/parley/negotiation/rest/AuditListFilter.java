package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.SearchText;
import org.parley.api.Uuid;
import org.parley.api.Vocabulary;
import org.parley.negotiation.repository.AuditRepository;
import org.parley.negotiation.service.AuditTrail;

/** The filters of the audit trail. Fields are named as the parameters are: a validation problem names the field. */
public class AuditListFilter {

    @Parameter(description = "Only changes to this entity (its id)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("entity")
    @Uuid
    String entity;

    @Parameter(description = "Only changes to entities of this type: party, envoy, negotiation, meeting, proposal, clause, position, statement or incident")
    @QueryParam("entity_type")
    @OneOf(AuditTrail.EntityType.class)
    String entity_type;

    @Parameter(description = "Only changes made by this subject (the sub claim of the access token)")
    @QueryParam("subject")
    @SearchText
    String subject;

    @Parameter(description = "Changes at or after this instant (ISO-8601 UTC, or a date meaning its start)")
    @QueryParam("since")
    @IsoInstant
    String since;

    @Parameter(description = "Changes before this instant (ISO-8601 UTC, or a date meaning its start)")
    @QueryParam("until")
    @IsoInstant
    String until;

    /** The parameters as the repository's filter, once Bean Validation has checked them. */
    AuditRepository.Filter filter() {
        AuditTrail.EntityType type = QueryValues.term(AuditTrail.EntityType.class, entity_type);
        return new AuditRepository.Filter(QueryValues.uuid(entity), type == null ? null : Vocabulary.wireName(type),
                QueryValues.text(subject), QueryValues.instant(since), QueryValues.instant(until));
    }
}
