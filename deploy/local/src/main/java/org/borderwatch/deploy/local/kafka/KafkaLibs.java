package org.borderwatch.deploy.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.Stream;

/**
 * Finds the directory of broker jars the build copies next to the launcher ({@code target/kafka-libs}): beside the
 * launcher jar, or beside {@code target/classes} when running from an IDE or a test.
 */
public final class KafkaLibs {

    public static final String DIRECTORY_NAME = "kafka-libs";

    private KafkaLibs() {
    }

    /** The directory beside the launcher's own code, or the override if one was given. */
    public static Path locate(Path override) {
        Path dir = override != null ? override : besideLauncher();
        requireJars(dir);
        return dir;
    }

    static Path besideLauncher() {
        CodeSource source = KafkaLibs.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("cannot tell where the launcher was loaded from; pass --kafka-libs DIR");
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return location.toAbsolutePath().getParent().resolve(DIRECTORY_NAME);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the launcher's location " + source.getLocation(), e);
        }
    }

    static void requireJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The Kafka jars are missing: " + dir + " does not exist. Build the launcher "
                    + "with 'mvn -B -pl deploy/local -am package -DskipTests' or pass --kafka-libs DIR.");
        }
        try (Stream<Path> files = Files.list(dir)) {
            boolean hasBroker = files.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
            if (!hasBroker) {
                throw new IllegalStateException("No kafka_2.13 jar in " + dir + "; rebuild the launcher.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath entry meaning every jar in the directory. */
    public static String classpathOf(Path dir) {
        return dir.toAbsolutePath() + "/*";
    }
}
