package org.borderwatch.common.model;

/**
 * Stretches of the border, named after the Armenian province on one side and split where a province faces both
 * Azerbaijan proper (east) and the Nakhchivan exclave (west). Both sides' place names resolve to the same segment.
 */
public enum BorderSegment {
    TAVUSH,
    GEGHARKUNIK,
    VAYOTS_DZOR_EAST,
    SYUNIK_EAST,
    SYUNIK_WEST,
    VAYOTS_DZOR_WEST,
    ARARAT,
    LACHIN_CORRIDOR,
    KARABAKH,
    /** The text names no place the gazetteer knows. Never replaced by a guess. */
    UNRESOLVED;

    public boolean isResolved() {
        return this != UNRESOLVED;
    }
}
