package org.parley.negotiation.service;

import org.parley.api.ApiException;
import org.parley.negotiation.model.Source;

import java.util.List;

/** The rule that makes a tracker more than a notepad: a fact is not recorded without where it came from. */
public final class Sources {

    private Sources() {
    }

    public static List<Source> required(List<Source> sources, String what) {
        if (sources == null || sources.isEmpty()) {
            throw ApiException.unprocessable("source-required", "Source required",
                    what + " needs at least one source: {publication, url?, publishedOn?, attribution?}");
        }
        return List.copyOf(sources);
    }

    public static List<Source> optional(List<Source> sources) {
        return sources == null ? List.of() : List.copyOf(sources);
    }
}
