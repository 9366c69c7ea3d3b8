package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "proposal")
public class Proposal extends TrackedEntity {

    @Column(nullable = false)
    public UUID negotiationId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public UUID sponsorPartyId;

    /** The document's own version (the 28-point draft is 1, the 20-point one 2), not the row's lock version. */
    @Column(nullable = false)
    public int documentVersion;

    public UUID supersedesProposalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Source> sources = new ArrayList<>();
}
