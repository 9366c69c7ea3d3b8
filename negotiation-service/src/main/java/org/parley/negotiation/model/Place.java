package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a meeting takes place. Every part is optional: a virtual meeting may have none. */
@Embeddable
public class Place {

    @Column(name = "location_city")
    public String city;

    @Column(name = "location_country")
    public String country;

    @Column(name = "location_venue")
    public String venue;
}
