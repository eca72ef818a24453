package org.borderwatch.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The checkout the checked files live in, and how to read them. */
final class Repo {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Path ROOT = findRoot();

    private Repo() {
    }

    static Path root() {
        return ROOT;
    }

    static Path file(String relative) {
        Path p = ROOT.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("expected file " + relative + " in " + ROOT);
        }
        return p;
    }

    static JsonNode yaml(String relative) {
        return YAML.readTree(file(relative).toFile());
    }

    /** Every document of a (possibly multi-document) YAML file; empty documents are left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static JsonNode json(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code borderwatch.root} system property set by the pom, else the nearest parent with docker-compose.yml. */
    private static Path findRoot() {
        String configured = System.getProperty("borderwatch.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml")) && Files.isDirectory(p.resolve("deploy"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the checkout: set -Dborderwatch.root");
    }
}
