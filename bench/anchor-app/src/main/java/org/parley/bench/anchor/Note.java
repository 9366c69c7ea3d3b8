package org.parley.bench.anchor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one entity of the anchor app: enough for Hibernate to boot a real persistence unit. */
@Entity
@Table(name = "bench_note")
public class Note {

    @Id
    public long id;

    public String text;
}
