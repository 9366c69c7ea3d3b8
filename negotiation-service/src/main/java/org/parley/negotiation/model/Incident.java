package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Something that happened on the ground and frames the talks: a strike, an outage. Held as reported:
 * a count that was not reported is null, never zero, and a date known only as "Thursday" stays so.
 */
@Entity
@Table(name = "incident")
public class Incident extends TrackedEntity {

    /** The talks it frames, if any. */
    public UUID negotiationId;

    public LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatePrecision datePrecision;

    public String dateAsReported;

    @Column(name = "place_city")
    public String city;

    @Column(name = "place_region")
    public String region;

    @Column(name = "place_country")
    public String country;

    @Column(name = "place_latitude")
    public Double latitude;

    @Column(name = "place_longitude")
    public Double longitude;

    @Column(name = "place_as_reported")
    public String placeAsReported;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentKind kind;

    public String weapons;

    public String description;

    public UUID attributedToPartyId;

    public String attributedBy;

    public Integer killed;

    public Integer injured;

    public Integer childrenKilled;

    public Integer childrenInjured;

    /** Whether the casualties were civilians; null when the report does not say. */
    public Boolean civilian;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> casualtyNotes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<IncidentDamage> damage = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<IncidentWeaponCount> weaponsLaunched = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> consequences = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Source> sources = new ArrayList<>();
}
