package org.parley.negotiation.rest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.parley.negotiation.model.Source;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV columns of an export, derived from its row record so that they always match the NDJSON rows: one
 * column per property, in declaration order; a nested object (an incident's place, a meeting's location) is
 * spread over one column per property, named with a dot ({@code place.city}); lists (sources, ids, damage)
 * stay whole, as a JSON array in one column. Values are taken from the row's JSON, so they are written
 * exactly as the JSON API writes them (wire names, ISO-8601 dates).
 */
final class ExportColumns {

    record Column(String name, JsonPointer pointer) {
    }

    private final List<Column> columns;

    private ExportColumns(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    static ExportColumns of(Class<? extends Record> row) {
        List<Column> columns = new ArrayList<>();
        collect(row, "", columns);
        return new ExportColumns(columns);
    }

    private static void collect(Class<?> type, String prefix, List<Column> columns) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + component.getName();
            if (component.getType().isRecord() && component.getType() != Source.class) {
                collect(component.getType(), name + ".", columns);
            } else {
                columns.add(new Column(name, JsonPointer.compile("/" + name.replace('.', '/'))));
            }
        }
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** The row's cells: null for a null or absent value, text for a scalar, JSON for a list or object. */
    Object[] cells(JsonNode row) {
        Object[] cells = new Object[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            JsonNode value = row.at(columns.get(i).pointer());
            cells[i] = value.isMissingNode() || value.isNull() ? null : value.isContainerNode() ? value.toString() : value.asText();
        }
        return cells;
    }
}
