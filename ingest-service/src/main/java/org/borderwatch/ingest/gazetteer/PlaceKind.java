package org.borderwatch.ingest.gazetteer;

/** What sort of place a gazetteer entry is. Towns and villages are what a report's {@code settlement} names. */
public enum PlaceKind {
    PROVINCE, REGION, DISTRICT, TOWN, VILLAGE, ROUTE, AREA,
    /** A whole stretch of the border named as such ("along the entire eastern border"): all its segments, always. */
    FRONT,
    /**
     * The border as a whole named without "entire" ("along the Armenia-Azerbaijan border"): an area an observer covers
     * (its refutation's coverage is all of it), but no place for an event, and only context beside any other place.
     */
    BORDER;

    public boolean isSettlement() {
        return this == TOWN || this == VILLAGE;
    }
}
