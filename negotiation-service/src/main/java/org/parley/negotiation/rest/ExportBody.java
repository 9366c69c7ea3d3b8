package org.parley.negotiation.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The body of an export: rows written to the response as the database cursor yields them, never collected,
 * so an export of any size needs the same memory. Nothing is flushed per row: the response's own buffer
 * sends full chunks. A failure half-way (the database, or the client going away) ends the response without
 * its closing chunk, so a client never mistakes a cut-off export for a complete one.
 */
final class ExportBody implements StreamingOutput {

    /** Runs an export, handing each of its rows to the consumer. */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<Object> row);
    }

    private static final Logger LOG = Logger.getLogger(ExportBody.class);
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS) // "" stays an empty text; an empty cell is null
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING) // quote only what needs it, long values too
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .build();

    private final String name;
    private final ExportFormat format;
    private final ExportColumns columns;
    private final ObjectMapper json;
    private final Rows rows;

    ExportBody(String name, ExportFormat format, ExportColumns columns, ObjectMapper json, Rows rows) {
        this.name = name;
        this.format = format;
        this.columns = columns;
        this.json = json;
        this.rows = rows;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try {
            if (format == ExportFormat.NDJSON) {
                writeNdjson(out);
            } else {
                writeCsv(out);
            }
        } catch (UncheckedIOException e) {
            LOG.debugf("Export of %s ended early: %s", name, e.getCause().getMessage());
            throw e.getCause();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Export of %s failed half-way; the response is cut off", name);
            throw e;
        }
    }

    /** Closed only when every row was written: closing adds the last bytes, and a failed export must not look complete. */
    private void writeNdjson(OutputStream out) throws IOException {
        ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        JsonGenerator generator = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        rows.each(row -> {
            try {
                writer.writeValue(generator, row);
                generator.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        generator.close();
    }

    private void writeCsv(OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n");
        columns.names().forEach(schema::addColumn);
        SequenceWriter writer = CSV.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
        // The header as a row of its own, so that an export with no rows still says what its columns are.
        writer.write(columns.names().toArray());
        rows.each(row -> {
            try {
                writer.write(columns.cells(json.valueToTree(row)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.close();
    }
}
