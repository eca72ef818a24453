package org.borderwatch.deploy.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts the {@link ParentWatchdog} class file into a directory that becomes the first classpath entry of each child
 * JVM. Copying one JDK-only class keeps the launcher's own dependencies off the children's classpaths.
 */
public final class WatchdogInstaller {

    private WatchdogInstaller() {
    }

    /** Copies the class into {@code dir} (as a package tree) and returns {@code dir}. */
    public static Path install(Path dir) {
        String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file not found on the launcher's classpath: " + resource);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the child watchdog in " + dir, e);
        }
    }
}
