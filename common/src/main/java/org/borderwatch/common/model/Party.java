package org.borderwatch.common.model;

/** A party to the conflict, or an outside actor that speaks about it. */
public enum Party {
    AZ, AM, EU, RU, TR, IR, US, UN,
    /** France (its foreign ministry speaks about the border regularly). */
    FR,
    /** International organisations that are not a state or the EU (OSCE, ICRC, ...). */
    INTL,
    UNKNOWN;

    /** The other side of the Armenia–Azerbaijan conflict, or {@code null} for anyone else. */
    public Party opponent() {
        return switch (this) {
            case AZ -> AM;
            case AM -> AZ;
            default -> null;
        };
    }

    public boolean isBelligerent() {
        return this == AZ || this == AM;
    }
}
