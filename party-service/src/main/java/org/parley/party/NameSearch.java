package org.parley.party;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * How names are compared when searching envoys. A name and a query are both reduced to lower-case words
 * without accents or punctuation ("Zelenskyy" and "Zelenskyy," alike; "Jean-Yves" is "jean yves"); a name
 * matches when every query word is the start of one of its words. So "Steve Witkoff" finds "Steven
 * Witkoff", "witk" finds him too, and a query for "Steven Witkoff" finds an envoy who has it as an alias.
 * Doing this in Java for both sides keeps the database free of locale and dictionary settings.
 */
public final class NameSearch {

    private NameSearch() {
    }

    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public static List<String> words(String text) {
        String normal = normalise(text);
        return normal.isEmpty() ? List.of() : Arrays.asList(normal.split(" "));
    }

    static List<String> normaliseNames(List<String> names) {
        return names.stream().map(NameSearch::normalise).filter(name -> !name.isEmpty()).distinct().toList();
    }

    static List<String> tokens(List<String> normalisedNames) {
        LinkedHashSet<String> tokens = new LinkedHashSet<>();
        for (String name : normalisedNames) {
            tokens.addAll(Arrays.asList(name.split(" ")));
        }
        return new ArrayList<>(tokens);
    }
}
