package org.borderwatch.ingest.gazetteer;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.ingest.text.Fold;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Place names to border segments, from a data file. Matching is on whole words (folded, see {@link Fold}); the
 * longest name wins, so "Lachin border checkpoint" is the corridor and not the Lachin district. Names written in
 * Armenian or Cyrillic script also match with a short inflectional ending ("Лачина", "Սյունիքի").
 *
 * <p>Resolution rules: a province or an ambiguous region named next to a more specific place in one of its
 * segments is context, not a separate location ("Khnatsakh settlement of Syunik" is SYUNIK_EAST only). When only
 * ambiguous names remain, the segments are alternatives ({@code ambiguous}); so are a province's segments when it is
 * the only place an event is said to have happened at ("fired at our positions in Syunik"). Unknown names give
 * {@code UNRESOLVED}; nothing is guessed. A one-word name of at most four letters, in any script, matches only when
 * the text capitalises it ("dig" is a verb, "Dığ" is Tegh; "теге" is a tag, "Тег" Tegh).
 */
public final class Gazetteer {

    public static final String BUILT_IN = "/data/gazetteer.json";
    /** Longest ending tolerated on a Cyrillic or Armenian name: "Басаркечарского" is Basarkechar. */
    private static final int MAX_SUFFIX = 5;
    private static final int MIN_STEM = 4;
    private static final int SHORT_NAME = 4;

    private final List<Place> places;
    private final Map<String, Place> byName = new HashMap<>();
    private final Map<String, Place> byStem = new HashMap<>();
    /** Longest name (in words) starting with each folded first word: most positions in a text start no name. */
    private final Map<String, Integer> wordsByFirst = new HashMap<>();
    private final int maxWords;

    public Gazetteer(List<Place> places) {
        this.places = List.copyOf(places);
        int max = 1;
        for (Place place : places) {
            for (String name : place.allNames()) {
                String key = Fold.single(Fold.phrase(name)); // "Teghh" is Tegh
                if (key.isEmpty()) {
                    continue;
                }
                Place previous = byName.putIfAbsent(key, place);
                if (previous != null && previous != place) {
                    throw new IllegalArgumentException("name '" + name + "' is used by both " + previous.id()
                            + " and " + place.id());
                }
                String[] words = key.split(" ");
                max = Math.max(max, words.length);
                wordsByFirst.merge(words[0], words.length, Math::max);
                if (!Fold.isLatin(name) && key.length() >= MIN_STEM) {
                    byStem.putIfAbsent(key, place);
                    String adjective = adjectiveStem(key);
                    if (adjective != null) {
                        byStem.putIfAbsent(adjective, place);
                    }
                }
            }
        }
        this.maxWords = max;
    }

    public static Gazetteer builtIn() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BUILT_IN);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Gazetteer load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + file, e);
        }
    }

    public static Gazetteer load(InputStream in) throws IOException {
        JsonNode root = Json.tree(in.readAllBytes());
        List<Place> places = new ArrayList<>();
        for (JsonNode p : root.path("places")) {
            List<BorderSegment> segments = new ArrayList<>();
            p.path("segments").forEach(s -> segments.add(BorderSegment.valueOf(s.asString())));
            List<BorderSegment> also = new ArrayList<>();
            p.path("alsoFaces").forEach(s -> also.add(BorderSegment.valueOf(s.asString())));
            Map<String, List<String>> aliases = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : p.path("aliases").properties()) {
                List<String> names = new ArrayList<>();
                e.getValue().forEach(n -> names.add(n.asString()));
                aliases.put(e.getKey(), names);
            }
            places.add(new Place(p.path("id").asString(), p.path("name").asString(),
                    p.path("country").asString(null), PlaceKind.valueOf(p.path("kind").asString()), segments,
                    p.path("ambiguous").asBoolean(false), aliases,
                    p.hasNonNull("lat") ? p.get("lat").asDouble() : null,
                    p.hasNonNull("lon") ? p.get("lon").asDouble() : null,
                    p.path("coordinates").asString(null), p.path("note").asString(null), also,
                    p.path("aliasesOnly").asBoolean(false)));
        }
        return new Gazetteer(places);
    }

    public List<Place> places() {
        return places;
    }

    /** Every place named in the text, in order, longest match first, without overlaps. */
    public List<PlaceMention> find(String text) {
        List<Fold.Token> tokens = Fold.tokens(text);
        List<PlaceMention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            PlaceMention found = null;
            int used = 0;
            String first = Fold.single(tokens.get(i).folded());
            boolean latin = first.isEmpty() || first.charAt(0) < 0x250;
            int longest = latin ? wordsByFirst.getOrDefault(first, 0) : maxWords;
            for (int n = Math.min(longest, tokens.size() - i); n >= 1 && found == null; n--) {
                StringBuilder key = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        key.append(' ');
                    }
                    key.append(Fold.single(tokens.get(i + k).folded()));
                }
                boolean ordinaryWord = n == 1 && shortLowerCase(text, tokens.get(i));
                Place place = ordinaryWord ? null : byName.get(key.toString());
                if (place == null && !latin && !ordinaryWord) {
                    place = stemMatch(key.toString());
                }
                if (place != null) {
                    int start = tokens.get(i).start();
                    int end = tokens.get(i + n - 1).end();
                    found = new PlaceMention(place, text.substring(start, end), start, end);
                    used = n;
                }
            }
            if (found != null) {
                out.add(found);
                i += used;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * A short one-word name written in lower case is an ordinary word, not a place: "dig" is not Dığ (Tegh), "kut"
     * not Kut, "теге" not Tegh. Place names in statements are capitalised.
     */
    private static boolean shortLowerCase(String text, Fold.Token token) {
        return token.folded().length() <= SHORT_NAME && !Character.isUpperCase(text.charAt(token.start()));
    }

    /**
     * A Russian adjective of a place given as one word in the masculine, feminine or neuter ("Губадлинский",
     * "Сюникская"): its stem without the ending ("губадлинск"), so that every case ("Губадлинского района",
     * "Губадлинском") matches with an ending. Null for any other name. Names are folded ("й" is "и").
     */
    private static String adjectiveStem(String key) {
        if (key.indexOf(' ') >= 0 || key.length() < MIN_STEM + 2) {
            return null;
        }
        for (String ending : List.of("скии", "ская", "ское", "цкии", "цкая", "цкое")) {
            if (key.endsWith(ending)) {
                return key.substring(0, key.length() - 2);
            }
        }
        return null;
    }

    private Place stemMatch(String key) {
        if (byStem.isEmpty()) {
            return null;
        }
        // the ending is part of the last word only: "Горис, Сотк" is not Goris with an ending " сотк"
        int lastWord = key.lastIndexOf(' ') + 1;
        for (int cut = 1; cut <= MAX_SUFFIX && key.length() - cut >= Math.max(MIN_STEM, lastWord + 1); cut++) {
            Place p = byStem.get(key.substring(0, key.length() - cut));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    public PlaceResolution resolve(String text) {
        return resolve(find(text));
    }

    /** Applies the resolution rules (see the class comment) to mentions of where an event happened. */
    public PlaceResolution resolve(List<PlaceMention> mentions) {
        return resolve(mentions, false);
    }

    /**
     * Like {@link #resolve(List)}, for an area a statement covers (an observer's patrols "in Syunik and
     * Gegharkunik"): a province alone is all of its segments, not one of them.
     */
    public PlaceResolution resolveArea(List<PlaceMention> mentions) {
        return resolve(mentions, true);
    }

    /**
     * Specific places win and a region beside them is context. Without any, what is left decides: one province
     * alone is where one event happened, so it means one of its segments ({@code ambiguous}) — unless it is an
     * area covered; several places naming regions whose segments overlap mean the overlap ("Syunik ... Nakhchivan"
     * is SYUNIK_WEST); several provinces with nothing in common are a front (all their segments).
     */
    private PlaceResolution resolve(List<PlaceMention> mentions, boolean area) {
        if (mentions.stream().anyMatch(m -> m.place().kind() == PlaceKind.BORDER)) {
            // "along the Armenia-Azerbaijan border": the area an observer covered when nothing else is named
            List<PlaceMention> others = mentions.stream().filter(m -> m.place().kind() != PlaceKind.BORDER).toList();
            if (!area || !others.isEmpty()) {
                mentions = others;
            }
        }
        if (mentions.isEmpty()) {
            return PlaceResolution.NONE;
        }
        Set<BorderSegment> specific = new LinkedHashSet<>();
        for (PlaceMention m : mentions) {
            if (m.place().specific()) {
                specific.addAll(m.place().segments());
            }
        }
        Set<BorderSegment> definite = new LinkedHashSet<>(); // single-segment places and provinces, in order
        Map<BorderSegment, Integer> firstNamed = new HashMap<>(); // where the text first names each segment
        boolean singles = false;
        Set<Place> regions = new LinkedHashSet<>();
        Set<Place> ambiguousPlaces = new LinkedHashSet<>();
        Set<BorderSegment> alternatives = new LinkedHashSet<>();
        for (PlaceMention m : mentions) {
            Place p = m.place();
            if (p.segments().size() == 1 || !p.contextFor(specific)) {
                // a place of one segment names it even as context ("the Kalbajar, Lachin and Dashkasan directions":
                // Kalbajar, context beside Dashkasan, still names GEGHARKUNIK first)
                p.segments().forEach(s -> firstNamed.merge(s, m.start(), Math::min));
            }
            if (p.contextFor(specific)) {
                continue;
            }
            if (p.kind() == PlaceKind.FRONT || p.kind() == PlaceKind.BORDER) { // all of it, like a list of places
                definite.addAll(p.segments());
                singles = true;
            } else if (p.ambiguous()) {
                ambiguousPlaces.add(p);
                alternatives.addAll(p.segments());
            } else {
                definite.addAll(p.segments());
                if (p.segments().size() == 1) {
                    singles = true;
                } else {
                    regions.add(p);
                }
            }
        }
        Place settlement = mentions.stream().map(PlaceMention::place).filter(p -> p.kind().isSettlement())
                .findFirst().orElse(null);
        if (singles) { // specific places (with any provinces listed beside them): a front, all of it, in text order
            List<BorderSegment> front = new ArrayList<>(definite);
            front.sort(java.util.Comparator.comparing(s -> firstNamed.getOrDefault(s, Integer.MAX_VALUE)));
            return new PlaceResolution(List.copyOf(front), false, settlement, mentions);
        }
        Set<Place> named = new LinkedHashSet<>(regions);
        named.addAll(ambiguousPlaces);
        if (!named.isEmpty()) {
            Set<BorderSegment> common = null;
            for (Place p : named) {
                if (common == null) {
                    common = new LinkedHashSet<>(p.segments());
                } else {
                    common.retainAll(p.segments());
                }
            }
            boolean overlap = !common.isEmpty();
            if (overlap || regions.isEmpty()) {
                Set<BorderSegment> candidates = overlap ? common : alternatives;
                boolean oneOf = candidates.size() > 1 && !(area && ambiguousPlaces.isEmpty());
                return new PlaceResolution(List.copyOf(candidates), oneOf, settlement, mentions);
            }
            // several provinces with no segment in common: a front ("in Tavush, Gegharkunik and Syunik")
            return new PlaceResolution(List.copyOf(definite), false, settlement, mentions);
        }
        return new PlaceResolution(List.of(BorderSegment.UNRESOLVED), false, settlement, mentions);
    }

    /** Places whose name or an alias contains the query (folded), for the places API. */
    public List<Place> search(String query) {
        String q = query == null ? "" : Fold.single(Fold.phrase(query));
        if (q.isEmpty()) {
            return places;
        }
        return places.stream()
                .filter(p -> p.allNames().stream().anyMatch(n -> Fold.single(Fold.phrase(n)).contains(q)))
                .toList();
    }

    @Override
    public String toString() {
        return "Gazetteer[" + places.size() + " places]".toLowerCase(Locale.ROOT);
    }
}
