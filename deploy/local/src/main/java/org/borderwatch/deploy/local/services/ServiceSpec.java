package org.borderwatch.deploy.local.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A BorderWatch service the launcher can start: its Maven module (a directory under the project) and its default
 * HTTP port. The executable jar is {@code <module>/target/<module>-<version>.jar}.
 */
public record ServiceSpec(String name, int defaultPort) {

    /** Finds the service's executable jar under {@code projectDir}, the newest if there are several. */
    public Optional<Path> findJar(Path projectDir) {
        Path target = projectDir.resolve(name).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(this::isExecutableJar)
                    .max(Comparator.comparing(ServiceSpec::lastModified));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    boolean isExecutableJar(Path file) {
        String f = file.getFileName().toString();
        return f.startsWith(name + "-") && f.endsWith(".jar") && !f.endsWith("-plain.jar")
                && !f.endsWith("-sources.jar") && !f.endsWith("-javadoc.jar") && !f.endsWith("-tests.jar");
    }

    private static long lastModified(Path file) {
        return file.toFile().lastModified();
    }
}
