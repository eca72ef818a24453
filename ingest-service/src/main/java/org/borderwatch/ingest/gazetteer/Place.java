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
 */
public record Place(String id, String name, String country, PlaceKind kind, List<BorderSegment> segments,
                    boolean ambiguous, Map<String, List<String>> aliases, Double lat, Double lon, String coordinates,
                    String note) {
    public Place {
        segments = List.copyOf(segments);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        if (segments.isEmpty() || segments.contains(BorderSegment.UNRESOLVED)) {
            throw new IllegalArgumentException("place " + id + " must name at least one real segment");
        }
    }

    /** The primary name followed by every alias. */
    public List<String> allNames() {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        names.add(name);
        aliases.values().forEach(names::addAll);
        return names;
    }
}
