package org.borderwatch.alert.routing;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable sets that iterate in one fixed order — an enum's declared order, or text in alphabetical order — so a
 * filter or silence reads back the same way every time (an API answer, a stored document). {@code Set.copyOf}
 * iterates in an order that changes from one JVM to the next, so a client saw {@code ["FATALITIES",
 * "UNCORROBORATED_SURGE"]} after one restart and the reverse after another (API round 1, a-07).
 */
public final class StableSets {

    private StableSets() {
    }

    /** The values in {@code type}'s declared order; empty for null. Null elements are refused, as Set.copyOf does. */
    public static <E extends Enum<E>> Set<E> of(Class<E> type, Collection<E> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        EnumSet<E> ordered = EnumSet.noneOf(type);
        for (E value : values) {
            ordered.add(java.util.Objects.requireNonNull(value, "element"));
        }
        return Collections.unmodifiableSet(ordered);
    }

    /** The texts in alphabetical order; empty for null. */
    public static Set<String> sorted(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> ordered = new TreeSet<>();
        for (String value : values) {
            ordered.add(java.util.Objects.requireNonNull(value, "element"));
        }
        return Collections.unmodifiableSet(ordered);
    }
}
