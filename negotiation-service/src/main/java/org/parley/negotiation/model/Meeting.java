package org.parley.negotiation.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "meeting")
public class Meeting extends TrackedEntity {

    @Column(nullable = false)
    public UUID negotiationId;

    @Column(nullable = false)
    public String title;

    public Instant startsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatePrecision startPrecision;

    public String timingAsReported;

    /** Whole seconds; the API speaks ISO-8601 durations (PT5H). */
    public Long durationSeconds;

    @Embedded
    public Place location = new Place();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingFormat format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingStatus status;

    public String statusNote;

    public String outcomeSummary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Source> sources = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_envoy", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "envoy_id")
    public Set<UUID> participantEnvoyIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_party", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "party_id")
    public Set<UUID> partyIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_proposal", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "proposal_id")
    public Set<UUID> discussedProposalIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_clause", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "clause_id")
    public Set<UUID> discussedClauseIds = new HashSet<>();
}
