package org.parley.party.service;

import java.util.List;

/** How the commands keep text: what a client pads or repeats is not worth a new version or an event. */
final class CommandText {

    private CommandText() {
    }

    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Stripped and without repeats, in the order given; none given is none. */
    static List<String> aliases(List<String> aliases) {
        return aliases == null ? List.of() : aliases.stream().map(String::strip).distinct().toList();
    }
}
