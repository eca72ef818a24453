package org.borderwatch.alert.cap;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each border segment lies, for CAP's {@code <area>}: ISO 3166-2 codes of the Armenian province(s) on the
 * segment's Armenian side and an approximate circle (for map display only). Read from a small JSON file: the
 * built-in {@code cap/segment-areas.json} or one given by {@code alert.cap.areas}. A segment missing from the file
 * (UNRESOLVED always) gets only its description.
 */
public final class SegmentAreas {

    public static final String BUILT_IN = "/cap/segment-areas.json";
    private static final Pattern ISO_3166_2 = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** A WGS 84 centre and a radius in kilometres, as CAP's {@code <circle>} wants it. */
    public record Circle(double lat, double lon, double radiusKm) {
        public Circle {
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) || !(radiusKm > 0)) {
                throw new IllegalArgumentException("circle needs -90<=lat<=90, -180<=lon<=180, radiusKm>0, got "
                        + lat + "," + lon + " " + radiusKm);
            }
        }

        /** CAP 1.2: {@code lat,lon radius}. */
        public String cap() {
            return plain(lat) + "," + plain(lon) + " " + plain(radiusKm);
        }

        private static String plain(double d) {
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
    }

    /** @param circle null when the file gives none */
    public record Area(List<String> geocodes, Circle circle) {
        public static final Area NONE = new Area(List.of(), null);

        public Area {
            geocodes = geocodes == null ? List.of() : List.copyOf(geocodes);
        }
    }

    private final Map<BorderSegment, Area> areas;

    private SegmentAreas(Map<BorderSegment, Area> areas) {
        this.areas = Collections.unmodifiableMap(new EnumMap<>(areas));
    }

    public Area of(BorderSegment segment) {
        return areas.getOrDefault(segment, Area.NONE);
    }

    public static SegmentAreas builtIn() {
        try (InputStream in = SegmentAreas.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + BUILT_IN + " is missing");
            }
            return parse(in.readAllBytes(), "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SegmentAreas load(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CAP segment areas " + path, e);
        }
    }

    /** Parses the file; every problem names the file and the segment. */
    static SegmentAreas parse(byte[] json, String name) {
        Objects.requireNonNull(name, "name");
        JsonNode root;
        try {
            root = Json.tree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode segments = root.path("segments");
        if (!segments.isObject()) {
            throw new IllegalArgumentException(name + ": an object 'segments' is required");
        }
        Map<BorderSegment, Area> out = new EnumMap<>(BorderSegment.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = segments.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BorderSegment segment;
            try {
                segment = BorderSegment.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(name + ": unknown segment '" + e.getKey() + "'");
            }
            if (segment == BorderSegment.UNRESOLVED) {
                throw new IllegalArgumentException(name + ": UNRESOLVED has no location and takes no area");
            }
            try {
                out.put(segment, area(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(name + ": segment " + segment + ": " + bad.getMessage(), bad);
            }
        }
        return new SegmentAreas(out);
    }

    private static Area area(JsonNode node) {
        List<String> codes = new ArrayList<>();
        for (JsonNode code : node.path("geocodes")) {
            String c = code.asString();
            if (!ISO_3166_2.matcher(c).matches()) {
                throw new IllegalArgumentException("'" + c + "' is not an ISO 3166-2 code such as AM-TV");
            }
            codes.add(c);
        }
        JsonNode c = node.path("circle");
        Circle circle = null;
        if (!c.isMissingNode() && !c.isNull()) {
            if (!c.path("lat").isNumber() || !c.path("lon").isNumber() || !c.path("radiusKm").isNumber()) {
                throw new IllegalArgumentException("circle needs numbers lat, lon and radiusKm");
            }
            circle = new Circle(c.get("lat").asDouble(), c.get("lon").asDouble(), c.get("radiusKm").asDouble());
        }
        return new Area(codes, circle);
    }

    /** For tests and callers that build areas in code. */
    public static SegmentAreas of(Map<BorderSegment, Area> areas) {
        return new SegmentAreas(areas);
    }

    public Optional<Circle> circle(BorderSegment segment) {
        return Optional.ofNullable(of(segment).circle());
    }
}
