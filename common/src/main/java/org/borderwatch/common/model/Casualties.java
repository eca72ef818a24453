package org.borderwatch.common.model;

/** Losses a statement reports, and whose. Counts are never negative; {@code null} counts mean "not said". */
public record Casualties(Integer killed, Integer wounded, Party party) {
    public Casualties {
        if ((killed != null && killed < 0) || (wounded != null && wounded < 0)) {
            throw new IllegalArgumentException("casualty counts must not be negative");
        }
    }

    public int killedOrZero() {
        return killed == null ? 0 : killed;
    }

    public int woundedOrZero() {
        return wounded == null ? 0 : wounded;
    }
}
