package org.borderwatch.ingest.canonical;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.ingest.pipeline.RejectedInputException;
import org.borderwatch.ingest.pipeline.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a canonical report's times need beyond the JSON Schema, whose date-time pattern lets through what is no
 * real instant ("2025-02-30T10:00:00Z", hour 25, offset +25:00) and cannot compare two fields. Each problem is one
 * readable line naming its field — never the mapper's or java.time's own message with class names and formats.
 * A leap second ("23:59:60Z", valid RFC 3339 and allowed by the schema's pattern) is read as the second before it:
 * java.time has no 60th second, and the second makes no difference to an incident.
 */
final class CanonicalTimes {

    /** The date-time fields of a report, as JSON paths below the root. */
    private static final List<String> FIELDS = List.of("occurredAt", "occurredUntil", "publishedAt", "receivedAt",
            "answers.from", "answers.to", "coverage.from", "coverage.to");
    /** Ranges whose end may not lie before their start: {end, start}. */
    private static final List<String[]> RANGES = List.of(new String[] {"occurredUntil", "occurredAt"},
            new String[] {"answers.to", "answers.from"}, new String[] {"coverage.to", "coverage.from"});
    private static final Pattern LEAP_SECOND = Pattern.compile("(T\\d{2}:\\d{2}):60");

    private CanonicalTimes() {
    }

    /**
     * Checks the times of a report that passed the schema; returns the bytes to read (the record itself, or with
     * leap seconds read as :59), or throws a {@code SCHEMA_VIOLATION} naming each bad field.
     */
    static byte[] check(JsonNode tree, byte[] record) {
        List<Violation> bad = new ArrayList<>();
        Map<String, OffsetDateTime> times = new HashMap<>();
        boolean leap = false;
        for (String field : FIELDS) {
            JsonNode node = at(tree, field);
            if (node == null || !node.isString()) {
                continue; // absent, or of another type: the schema has named it
            }
            String text = node.asString();
            Matcher m = LEAP_SECOND.matcher(text);
            if (m.find()) {
                text = m.replaceFirst("$1:59");
                leap = true;
                setAt(tree, field, text);
            }
            try {
                times.put(field, OffsetDateTime.parse(text));
            } catch (DateTimeParseException e) {
                bad.add(new Violation("$." + field, "is not a real date and time (" + node.asString() + ": "
                        + why(e) + ")"));
            }
        }
        for (String[] range : RANGES) {
            OffsetDateTime end = times.get(range[0]);
            OffsetDateTime start = times.get(range[1]);
            if (end != null && start != null && end.isBefore(start)) {
                bad.add(new Violation("$." + range[0], "is before " + range[1]));
            }
        }
        if (!bad.isEmpty()) {
            throw RejectedInputException.violations(bad);
        }
        return leap ? Json.mapper().writeValueAsBytes(tree) : record;
    }

    /** java.time's reason without the input repeated ("Invalid date 'FEBRUARY 30'"). */
    private static String why(DateTimeParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int i = m.indexOf("could not be parsed: ");
        String reason = i >= 0 ? m.substring(i + "could not be parsed: ".length()) : "not ISO-8601";
        return reason.lines().findFirst().orElse("not ISO-8601");
    }

    /**
     * A field the mapper could not read after the schema and the checks above passed it (a count too large for an
     * int, a record's own check), as one line naming the field.
     */
    static Violation unreadable(JsonReadException e) {
        String field = "$";
        String message = e.getMessage();
        if (e.getCause() instanceof JacksonException je) {
            StringBuilder path = new StringBuilder("$");
            for (JacksonException.Reference r : je.getPath()) {
                if (r.getPropertyName() != null) {
                    path.append('.').append(r.getPropertyName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            field = path.toString();
            message = je.getOriginalMessage();
        }
        return new Violation(field, plain(message));
    }

    /** A mapper's message as a partner can read it: no class names, no format dumps, one line. */
    static String plain(String message) {
        String m = message == null ? "" : message.lines().findFirst().orElse("");
        int problem = m.indexOf("problem: ");
        if (problem >= 0) {
            return m.substring(problem + "problem: ".length());
        }
        Matcher number = Pattern.compile("Numeric value \\(([^)]*)\\) out of range").matcher(m);
        if (number.find()) {
            return "the number " + number.group(1) + " is too large";
        }
        return "cannot be read as this field's type";
    }

    private static JsonNode at(JsonNode tree, String field) {
        JsonNode n = tree;
        for (String part : field.split("\\.")) {
            n = n == null || !n.isObject() ? null : n.get(part);
        }
        return n;
    }

    private static void setAt(JsonNode tree, String field, String value) {
        int dot = field.lastIndexOf('.');
        JsonNode parent = dot < 0 ? tree : at(tree, field.substring(0, dot));
        ((ObjectNode) parent).put(field.substring(dot + 1), value);
    }
}
