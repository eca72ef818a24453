package org.borderwatch.ingest.gazetteer;

/** What sort of place a gazetteer entry is. Towns and villages are what a report's {@code settlement} names. */
public enum PlaceKind {
    PROVINCE, REGION, DISTRICT, TOWN, VILLAGE, ROUTE, AREA,
    /** A whole stretch of the border named as such ("along the entire eastern border"): all its segments, always. */
    FRONT;

    public boolean isSettlement() {
        return this == TOWN || this == VILLAGE;
    }
}
