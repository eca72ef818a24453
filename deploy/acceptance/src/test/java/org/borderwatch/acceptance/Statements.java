package org.borderwatch.acceptance;

import org.borderwatch.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner statements the scenarios send: our own wording of public events, one JSON statement per line in
 * {@code src/test/resources/statements/<name>.jsonl}, kept in publication order and looked up by {@code sourceRef}.
 */
final class Statements {

    private final String name;
    private final Map<String, String> bySourceRef = new LinkedHashMap<>();

    private Statements(String name) {
        this.name = name;
    }

    static Statements load(String name) {
        Statements statements = new Statements(name);
        try (InputStream in = Statements.class.getResourceAsStream("/statements/" + name + ".jsonl")) {
            if (in == null) {
                throw new IllegalStateException("no fixture statements/" + name + ".jsonl");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .forEach(line -> statements.bySourceRef.put(
                            Json.tree(line.getBytes(StandardCharsets.UTF_8)).path("sourceRef").asString(), line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements;
    }

    /** One statement's JSON line. */
    String get(String sourceRef) {
        String line = bySourceRef.get(sourceRef);
        if (line == null) {
            throw new IllegalArgumentException("no statement " + sourceRef + " in " + name);
        }
        return line;
    }

    Map<String, String> all() {
        return bySourceRef;
    }

    /** All statements as NDJSON, in publication order. */
    String ndjson() {
        return String.join("\n", bySourceRef.values()) + "\n";
    }
}
