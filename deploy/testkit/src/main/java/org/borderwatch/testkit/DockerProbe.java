package org.borderwatch.testkit;

import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Asks Testcontainers whether a Docker engine answers. A missing engine (only a client installed) means no.
 *
 * <p>Testcontainers logs an ERROR with a long explanation when it finds no engine, which makes a green build on a
 * machine without Docker look broken. So the probe first looks for any sign of an engine — {@code DOCKER_HOST}, a
 * {@code ~/.testcontainers.properties}, or a socket where Docker, Docker Desktop, rootless Docker, Colima, Rancher
 * Desktop or Podman put theirs — and asks Testcontainers only when there is one (and always on Windows, whose named
 * pipes are not files). {@code -Dborderwatch.test.infra=containers} skips the probe altogether.
 */
final class DockerProbe implements BooleanSupplier {

    private final Function<String, String> env;
    private final String home;
    private final String osName;
    private final Predicate<Path> exists;
    private final BooleanSupplier testcontainers;

    DockerProbe() {
        this(System::getenv, System.getProperty("user.home", ""), System.getProperty("os.name", ""), Files::exists,
                DockerProbe::askTestcontainers);
    }

    DockerProbe(Function<String, String> env, String home, String osName, Predicate<Path> exists,
                BooleanSupplier testcontainers) {
        this.env = env;
        this.home = home;
        this.osName = osName;
        this.exists = exists;
        this.testcontainers = testcontainers;
    }

    @Override
    public boolean getAsBoolean() {
        return mayHaveAnEngine() && testcontainers.getAsBoolean();
    }

    /** True when something points at an engine; false only when nothing does (then Testcontainers is not asked). */
    boolean mayHaveAnEngine() {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") || !blank(env.apply("DOCKER_HOST"))) {
            return true;
        }
        return candidates().stream().anyMatch(exists);
    }

    /** The files whose presence suggests an engine (or a Testcontainers configuration naming one). */
    List<Path> candidates() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
                Path.of("/run/podman/podman.sock")));
        if (!blank(home)) {
            for (String relative : List.of(".testcontainers.properties", ".docker/run/docker.sock",
                    ".docker/desktop/docker.sock", ".colima/default/docker.sock", ".colima/docker.sock",
                    ".rd/docker.sock")) {
                paths.add(Path.of(home, relative));
            }
        }
        String runtimeDir = env.apply("XDG_RUNTIME_DIR");
        if (!blank(runtimeDir)) {
            paths.add(Path.of(runtimeDir, "docker.sock"));
            paths.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return paths;
    }

    private static boolean askTestcontainers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
