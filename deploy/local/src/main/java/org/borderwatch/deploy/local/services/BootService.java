package org.borderwatch.deploy.local.services;

import org.borderwatch.deploy.local.process.ChildProcess;
import org.borderwatch.deploy.local.process.JavaCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * A Spring Boot executable jar in a child JVM, given the infrastructure's addresses through the environment
 * variables Spring Boot maps onto its properties, and considered up when {@code /actuator/health/readiness} answers
 * 200.
 */
public final class BootService implements AutoCloseable {

    public static final String READINESS_PATH = "/actuator/health/readiness";
    /** Start-up options that suit a laptop or a 2-core box (quick JIT, small heap). */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx256m");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /**
     * @param env environment added to the launcher's own (addresses, port, profile)
     */
    public record Settings(String name, Path jar, String host, int port, Map<String, String> env,
                           List<String> jvmOptions, Path watchdogDir, Path workDir, Path logFile) {
    }

    private final Settings settings;
    private final ChildProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BootService(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * The environment a service receives, listening on {@code host} only ({@code SERVER_ADDRESS}): the local
     * profile's development users and partner key must not be reachable from the network, and the launcher's Kafka
     * and store listen on that host too.
     */
    public static Map<String, String> environment(Map<String, String> infrastructure, String host, int port,
                                                  String profile) {
        Map<String, String> env = environment(infrastructure, port, profile);
        env.put("SERVER_ADDRESS", host);
        return env;
    }

    /** The environment a service receives: the infrastructure's addresses, its port and the Spring profile. */
    public static Map<String, String> environment(Map<String, String> infrastructure, int port, String profile) {
        Map<String, String> env = new LinkedHashMap<>(infrastructure);
        env.put("SERVER_PORT", Integer.toString(port));
        if (profile != null && !profile.isBlank()) {
            env.put("SPRING_PROFILES_ACTIVE", profile);
        }
        return env;
    }

    /** Starts the jar (its manifest's Main-Class under the watchdog) and returns without waiting. */
    public static BootService start(Settings settings) {
        JavaCommand cmd = new JavaCommand(settings.jvmOptions(), List.of(settings.jar().toAbsolutePath().toString()),
                mainClassOf(settings.jar()), List.of());
        List<String> line = cmd.commandLine(JavaCommand.currentJava(), settings.watchdogDir(),
                ProcessHandle.current().pid());
        return new BootService(settings, ChildProcess.start(settings.name(), line, settings.env(), settings.workDir(),
                settings.logFile()));
    }

    static String mainClassOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalArgumentException(jar + " has no Main-Class: is it an executable (repackaged) jar?");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    public URI readinessUri() {
        return URI.create("http://" + settings.host() + ":" + settings.port() + READINESS_PATH);
    }

    /**
     * Waits until the readiness endpoint answers 200.
     *
     * @throws ServiceStartException if the process ends or the timeout passes first; the message says where to look
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(readinessUri()).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(settings.name() + " exited during start-up (exit " + process.exitCode()
                        + "); last lines of " + process.logFile() + ":\n    "
                        + String.join("\n    ", process.logTail(15)));
            }
            if (isReady(request)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceStartException(settings.name() + " was not ready within " + timeout.toSeconds()
                        + " s (" + readinessUri() + "); see " + process.logFile());
            }
            process.waitFor(Duration.ofMillis(500));
        }
    }

    private boolean isReady(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while waiting for " + settings.name());
        }
    }

    public String name() {
        return settings.name();
    }

    public int port() {
        return settings.port();
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
