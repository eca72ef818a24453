package org.borderwatch.deploy.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running launcher has started, written to {@code run/launcher.properties} so that {@code status} (another
 * process) can check it. Deleted on a clean stop.
 *
 * @param services service name to HTTP port
 */
public record LauncherState(long pid, Instant started, String host, String kafka, String mongoUri,
                            Map<String, Integer> services) {

    private static final String SERVICE_PREFIX = "service.";

    public LauncherState {
        services = Map.copyOf(services);
    }

    /** Whether the launcher that wrote this file still runs (a {@code kill -9} leaves the file behind). */
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("started", started.toString());
        p.setProperty("host", host);
        p.setProperty("kafka", kafka);
        p.setProperty("mongo", mongoUri);
        services.forEach((name, port) -> p.setProperty(SERVICE_PREFIX + name, Integer.toString(port)));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "Written by the running BorderWatch launcher; removed when it stops");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Optional<LauncherState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Integer> services = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(SERVICE_PREFIX)).sorted()
                .forEach(k -> services.put(k.substring(SERVICE_PREFIX.length()), Integer.parseInt(p.getProperty(k))));
        return Optional.of(new LauncherState(Long.parseLong(p.getProperty("pid")), Instant.parse(p.getProperty("started")),
                p.getProperty("host"), p.getProperty("kafka"), p.getProperty("mongo"), services));
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is recognised by its dead pid
        }
    }
}
