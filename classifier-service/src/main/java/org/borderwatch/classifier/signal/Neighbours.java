package org.borderwatch.classifier.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.borderwatch.common.model.BorderSegment;

/**
 * Which border segments neighbour which, read from a data file ({@code segments/neighbours.properties}: a segment,
 * {@code =}, the segments next to it). The relation is made symmetric; a segment is not its own neighbour.
 */
public final class Neighbours {

    public static final String RESOURCE = "/segments/neighbours.properties";

    private final Map<BorderSegment, Set<BorderSegment>> map;

    private Neighbours(Map<BorderSegment, Set<BorderSegment>> map) {
        this.map = map;
    }

    public static Neighbours fromClasspath() {
        try (InputStream in = Neighbours.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Neighbours of(Properties p) {
        Map<BorderSegment, Set<BorderSegment>> m = new EnumMap<>(BorderSegment.class);
        for (BorderSegment s : BorderSegment.values()) {
            m.put(s, EnumSet.noneOf(BorderSegment.class));
        }
        for (String key : p.stringPropertyNames()) {
            BorderSegment a = BorderSegment.valueOf(key.trim());
            for (String v : p.getProperty(key).split(",")) {
                if (!v.isBlank()) {
                    BorderSegment b = BorderSegment.valueOf(v.trim());
                    if (a != b) {
                        m.get(a).add(b);
                        m.get(b).add(a);
                    }
                }
            }
        }
        return new Neighbours(m);
    }

    public Set<BorderSegment> of(BorderSegment segment) {
        return map.getOrDefault(segment, Set.of());
    }

    /** The segment itself and its neighbours. */
    public Set<BorderSegment> around(BorderSegment segment) {
        Set<BorderSegment> s = EnumSet.of(segment);
        s.addAll(of(segment));
        return s;
    }
}
