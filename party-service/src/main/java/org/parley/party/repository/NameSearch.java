package org.parley.party.repository;

import org.parley.party.model.Envoy;

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

    /** Sets the envoy's names and keeps the search columns the repository's name search reads in step with them. */
    public static void name(Envoy envoy, String fullName, List<String> aliases) {
        envoy.fullName = fullName;
        envoy.aliases = new ArrayList<>(aliases);
        List<String> names = new ArrayList<>();
        names.add(fullName);
        names.addAll(aliases);
        envoy.searchNames = normaliseNames(names);
        envoy.searchTokens = tokens(envoy.searchNames);
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
