package org.borderwatch.ingest.gazetteer;

/** A place named in a text: which entry, the words as written, and their character range. */
public record PlaceMention(Place place, String matched, int start, int end) {
}
