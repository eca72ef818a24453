package org.borderwatch.deploy.local.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One supervised child process: output appended to its own log file, stopped politely (SIGTERM) and then forcibly
 * after a grace period. Reading the log only looks at what this run wrote.
 */
public final class ChildProcess {

    static final long ROTATE_BYTES = 10L * 1024 * 1024;
    private static final Path POSIX_SHELL = Path.of("/bin/sh");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;

    private ChildProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    /**
     * Starts {@code command} with {@code extraEnv} added to the launcher's environment. Standard input stays an
     * open pipe held by this object: the child's watchdog treats its closing as the launcher's end.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> extraEnv, Path workDir,
                                     Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            rotateIfLarge(logFile);
            long start = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(ignoringInterrupt(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(extraEnv);
            return new ChildProcess(name, builder.start(), logFile, start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where a POSIX shell exists, the child runs with SIGINT ignored ({@code trap '' INT; exec …}: the ignored
     * disposition survives the exec, and a JVM leaves an ignored SIGINT alone, as under {@code nohup}). Ctrl-C in a
     * terminal goes to the whole foreground process group; without this the broker would stop at the same moment
     * as the services still using it. The launcher alone reacts to Ctrl-C and stops its children in order, each
     * with SIGTERM.
     */
    static List<String> ignoringInterrupt(List<String> command) {
        if (!Files.isExecutable(POSIX_SHELL)) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of(POSIX_SHELL.toString(), "-c",
                "trap '' INT; exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Keeps one previous generation ({@code name.log.1}) once a log passes {@link #ROTATE_BYTES}. */
    static void rotateIfLarge(Path logFile) throws IOException {
        if (Files.exists(logFile) && Files.size(logFile) > ROTATE_BYTES) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Exit code, or -1 while running. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Waits for the process to end on its own; true if it did within {@code timeout}. */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace}, then kills it and anything it started.
     *
     * @return true if it stopped within the grace period
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean polite = true;
        if (process.isAlive()) {
            process.destroy();
            polite = waitFor(grace);
            if (!polite) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        return polite;
    }

    /** True if a line this run wrote to the log matches {@code pattern}. */
    public boolean logContains(Pattern pattern) {
        return readLog().lines().anyMatch(line -> pattern.matcher(line).find());
    }

    /** The last {@code count} lines this run wrote to its log. */
    public List<String> logTail(int count) {
        Deque<String> tail = new ArrayDeque<>(count);
        readLog().lines().forEach(line -> {
            if (tail.size() == count) {
                tail.removeFirst();
            }
            tail.addLast(line);
        });
        return List.copyOf(tail);
    }

    private String readLog() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length() - logStart;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 64L * 1024 * 1024)];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
