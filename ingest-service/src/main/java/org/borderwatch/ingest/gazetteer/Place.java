package org.borderwatch.ingest.gazetteer;

import org.borderwatch.common.model.BorderSegment;

import java.util.List;
import java.util.Map;

/**
 * One gazetteer entry.
 *
 * @param segments  the border segments this place names; several mean all of them (a province) unless
 *                  {@code ambiguous}, which means one of them (the Nakhchivan direction)
 * @param aliases   other names, by language
 * @param coordinates how good {@code lat}/{@code lon} are (many are approximate)
 * @param alsoFaces   segments a part of the place also faces: named beside a specific place in one of them, the
 *                    place is context ("Jermuk ... our positions in Kalbajar" is VAYOTS_DZOR_EAST only); alone it
 *                    names its {@code segments}
 * @param aliasesOnly  the name alone names another place too (Aghdam, a Tovuz village, is also the Karabakh district):
 *                     the place is matched only by its aliases ("Aghdam village of Tovuz"), never by the bare name
 */
public record Place(String id, String name, String country, PlaceKind kind, List<BorderSegment> segments,
                    boolean ambiguous, Map<String, List<String>> aliases, Double lat, Double lon, String coordinates,
                    String note, List<BorderSegment> alsoFaces, boolean aliasesOnly) {

    public Place(String id, String name, String country, PlaceKind kind, List<BorderSegment> segments,
                 boolean ambiguous, Map<String, List<String>> aliases, Double lat, Double lon, String coordinates,
                 String note, List<BorderSegment> alsoFaces) {
        this(id, name, country, kind, segments, ambiguous, aliases, lat, lon, coordinates, note, alsoFaces, false);
    }

    public Place(String id, String name, String country, PlaceKind kind, List<BorderSegment> segments,
                 boolean ambiguous, Map<String, List<String>> aliases, Double lat, Double lon, String coordinates,
                 String note) {
        this(id, name, country, kind, segments, ambiguous, aliases, lat, lon, coordinates, note, List.of());
    }

    public Place {
        segments = List.copyOf(segments);
        alsoFaces = alsoFaces == null ? List.of() : List.copyOf(alsoFaces);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        if (segments.isEmpty() || segments.contains(BorderSegment.UNRESOLVED)) {
            throw new IllegalArgumentException("place " + id + " must name at least one real segment");
        }
    }

    /** True when this place alone names one segment (a specific place, not a region or context). */
    public boolean specific() {
        return !ambiguous && segments.size() == 1 && alsoFaces.isEmpty();
    }

    /** True when this place is only context beside specific places in these segments. */
    public boolean contextFor(java.util.Set<BorderSegment> specificSegments) {
        if (specific() || kind == PlaceKind.FRONT) {
            return false;
        }
        return segments.stream().anyMatch(specificSegments::contains)
                || alsoFaces.stream().anyMatch(specificSegments::contains);
    }

    /** The primary name (unless {@code aliasesOnly}) followed by every alias. */
    public List<String> allNames() {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        if (!aliasesOnly) {
            names.add(name);
        }
        aliases.values().forEach(names::addAll);
        return names;
    }
}
