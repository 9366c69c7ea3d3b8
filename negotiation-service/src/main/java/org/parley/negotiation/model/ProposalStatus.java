package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a proposal: draft → tabled → under negotiation → accepted, rejected or withdrawn. Any status
 * that is not final can be superseded by a later version. Accepted, rejected, withdrawn and superseded are final.
 */
public enum ProposalStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("tabled") TABLED,
    @JsonProperty("under_negotiation") UNDER_NEGOTIATION,
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("withdrawn") WITHDRAWN,
    @JsonProperty("superseded") SUPERSEDED;

    public Set<ProposalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(TABLED, SUPERSEDED);
            case TABLED -> EnumSet.of(UNDER_NEGOTIATION, SUPERSEDED);
            case UNDER_NEGOTIATION -> EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN, SUPERSEDED);
            case ACCEPTED, REJECTED, WITHDRAWN, SUPERSEDED -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public boolean canMoveTo(ProposalStatus target) {
        return next().contains(target);
    }
}
