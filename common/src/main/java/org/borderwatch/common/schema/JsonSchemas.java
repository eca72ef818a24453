package org.borderwatch.common.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against the schemas in {@code /schemas/} (draft 2020-12). The validator library parses with its own
 * Jackson 2 internally; this class takes and returns only strings, so that stays an implementation detail.
 */
public final class JsonSchemas {

    public static final String INCIDENT_REPORT = "incident-report.schema.json";
    /**
     * What a partner sends as a canonical report: an {@link #INCIDENT_REPORT} that may leave out the fields ingest
     * computes ({@code reportId}; {@code receivedAt} and {@code revision} are optional in both).
     */
    public static final String CANONICAL_INPUT = "canonical-input.schema.json";
    public static final String ASSESSMENT = "assessment.schema.json";
    public static final String ALERT = "alert.schema.json";
    /** The envelope subscribers receive (webhook body, partner-topic record) around one or more {@link #ALERT}s. */
    public static final String NOTIFICATION = "notification.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** Validates a JSON document; an empty list means it is valid. Malformed JSON is reported as one violation. */
    public static List<Violation> validate(String schemaName, String json) {
        Schema schema = CACHE.computeIfAbsent(schemaName, JsonSchemas::load);
        List<Error> errors;
        try {
            errors = schema.validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            return List.of(new Violation("$", "not parseable as JSON: " + rootMessage(e)));
        }
        return errors.stream().map(JsonSchemas::violation).toList();
    }

    /**
     * The validator places a missing required property at the object that lacks it (the root: an empty pointer); a
     * violation names the value that is wrong, so a missing one is named by where it should be ({@code /publishedAt}).
     */
    private static Violation violation(Error e) {
        var at = e.getInstanceLocation();
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            at = at.append(e.getProperty());
        }
        return new Violation(at.toString(), e.getMessage());
    }

    public static List<Violation> validate(String schemaName, byte[] json) {
        return validate(schemaName, new String(json, StandardCharsets.UTF_8));
    }

    private static Schema load(String name) {
        if (JsonSchemas.class.getResource("/schemas/" + name) == null) {
            throw new IllegalArgumentException("no such schema: " + name);
        }
        return REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + name));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /**
     * One reason a document does not match its schema.
     *
     * @param path    JSON Pointer of the offending (or missing) value, e.g. {@code /location/segments/0} or
     *                {@code /publishedAt}; empty for the document itself
     * @param message readable explanation from the validator, e.g. "does not have a value in the enumeration"
     */
    public record Violation(String path, String message) {
        @Override
        public String toString() {
            return message.startsWith(path) ? message : path + ": " + message;
        }
    }
}
