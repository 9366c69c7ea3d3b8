package org.parley.party.repository;

import org.parley.party.model.Envoy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How names are reduced for searching envoys: a name and a query both become lower-case words without
 * accents or punctuation ("Zelenskyy" and "Zelenskyy," alike; "Jean-Yves" is "jean yves"). Doing this in Java
 * for both sides keeps the database free of locale and dictionary settings; the repository then matches each
 * query word approximately against the words of {@code search_names} (prefix, trigram similarity, sound).
 */
public final class NameSearch {

    private NameSearch() {
    }

    /** Sets the envoy's names and keeps the search columns the repository's name search reads in step with them. */
    public static void name(Envoy envoy, String fullName, List<String> aliases) {
        envoy.fullName = fullName;
        envoy.aliases = new ArrayList<>(aliases);
        List<String> names = new ArrayList<>();
        names.add(fullName);
        names.addAll(aliases);
        envoy.searchNames = normaliseNames(names);
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
}
