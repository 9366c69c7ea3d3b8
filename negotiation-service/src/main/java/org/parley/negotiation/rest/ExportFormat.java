package org.parley.negotiation.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The two shapes of an export body. */
@Schema(name = "ExportFormat", description = "ndjson: one JSON object per line (application/x-ndjson); csv: RFC 4180 with a header row (text/csv)")
public enum ExportFormat {
    @JsonProperty("ndjson") NDJSON(ExportFormat.NDJSON_TYPE, "ndjson"),
    @JsonProperty("csv") CSV(ExportFormat.CSV_TYPE, "csv");

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String CSV_TYPE = "text/csv";

    private final MediaType mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = MediaType.valueOf(mediaType);
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
