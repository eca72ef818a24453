package org.borderwatch.classifier.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.schema.JsonSchemas;

/**
 * Reads one canonical report, as the replay reads a line and the stream a record: the JSON must first match the
 * report schema ingest publishes with ({@link JsonSchemas#INCIDENT_REPORT}, compiled once per JVM by
 * {@code JsonSchemas}), then it is read into the record. The record alone would take JSON lacking a required field
 * (a {@code stance}, a {@code location}) and fill in its default — a statement of unknown stance, placed nowhere —
 * and a line that is no report would be replayed as one.
 */
public final class CanonicalReports {

    /** How the validator says a property is missing (at the property's own pointer, see {@code JsonSchemas}). */
    private static final Pattern REQUIRED = Pattern.compile("required property '.*' not found$");
    /** Violations other than missing fields named in one refusal; the rest are counted. */
    static final int NAMED = 3;

    private CanonicalReports() {
    }

    /** A report, or (report null) why the JSON is none: one line naming the fields at fault. */
    public record Read(IncidentReport report, String refusal) {
        public boolean isReport() {
            return report != null;
        }
    }

    public static Read read(byte[] json) {
        return read(new String(json, StandardCharsets.UTF_8));
    }

    public static Read read(String json) {
        List<JsonSchemas.Violation> violations = JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, json);
        if (!violations.isEmpty()) {
            return new Read(null, "not a canonical report: " + describe(violations));
        }
        try {
            return new Read(Json.read(json, IncidentReport.class), null);
        } catch (JsonReadException | IllegalArgumentException | NullPointerException e) {
            // valid by the schema, refused by the record (e.g. occurredUntil before occurredAt)
            return new Read(null, e.getMessage());
        }
    }

    /**
     * The violations in one line: the missing fields together ("missing /stance, /location"), then the others with
     * their pointer ("/stance: does not have a value in the enumeration …"), at most {@link #NAMED} of them.
     */
    static String describe(List<JsonSchemas.Violation> violations) {
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (JsonSchemas.Violation v : violations) {
            if (REQUIRED.matcher(v.message()).find()) {
                missing.add(v.path());
            } else {
                wrong.add(v.path().isEmpty() || v.path().equals("$") ? v.message() : v.toString());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + String.join(", ", missing));
        }
        parts.addAll(wrong.subList(0, Math.min(NAMED, wrong.size())));
        String text = String.join("; ", parts);
        return wrong.size() > NAMED ? text + " (and " + (wrong.size() - NAMED) + " more)" : text;
    }
}
