package org.borderwatch.deploy.local.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Java program to run in a child JVM. {@link #commandLine} wraps it in {@link ParentWatchdog} so the child ends
 * with the launcher.
 *
 * @param classpath classpath entries; a directory followed by {@code /*} means every jar in it
 */
public record JavaCommand(List<String> jvmOptions, List<String> classpath, String mainClass, List<String> args) {

    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(mainClass, "mainClass");
        args = List.copyOf(args);
    }

    /** The {@code java} executable of the JVM running the launcher. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The full command line, run under the watchdog, which must be installed in {@code watchdogDir}. */
    public List<String> commandLine(Path java, Path watchdogDir, long parentPid) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        List<String> cp = new ArrayList<>();
        cp.add(watchdogDir.toString());
        cp.addAll(classpath);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(ParentWatchdog.class.getName());
        cmd.add(Long.toString(parentPid));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
