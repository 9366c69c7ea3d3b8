package org.parley.negotiation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Bulk export (GET /api/v1/export/...): how rows are read from the database while they are streamed. */
@ConfigMapping(prefix = "parley.export")
public interface ExportConfig {

    /**
     * Rows the database cursor hands over per round trip. The export holds at most this many rows in memory,
     * whatever the size of the export.
     */
    @WithDefault("500")
    int fetchSize();

    /**
     * The longest one export may take: it reads in one transaction (one consistent cursor), which the
     * transaction manager ends after this. A client that reads slower than this gets a cut-off body.
     */
    @WithDefault("1h")
    Duration timeout();
}
