package org.borderwatch.deploy.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ChildProcessTest {

    @TempDir
    Path tmp;

    @Test
    void readsOnlyWhatThisRunWroteAndStopsTheProcess() throws IOException {
        Path log = tmp.resolve("logs/child.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "an earlier run said READY\n");
        String java = JavaCommand.currentJava().toString();
        ChildProcess child = ChildProcess.start("version", List.of(java, "-version"), Map.of(), tmp, log);
        assertThat(child.waitFor(Duration.ofSeconds(60))).isTrue();
        assertThat(child.exitCode()).isZero();
        assertThat(child.logContains(Pattern.compile("version"))).isTrue();
        assertThat(child.logContains(Pattern.compile("READY"))).isFalse();
        assertThat(child.logTail(50)).first().asString().startsWith("==== ").contains("starting version");
        assertThat(Files.readString(log)).startsWith("an earlier run said READY");
        assertThat(child.stop(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aLargeLogIsRotatedOnce() throws IOException {
        Path log = tmp.resolve("kafka.log");
        Files.write(log, new byte[(int) ChildProcess.ROTATE_BYTES + 1]);
        ChildProcess.rotateIfLarge(log);
        assertThat(log).doesNotExist();
        assertThat(tmp.resolve("kafka.log.1")).hasSize(ChildProcess.ROTATE_BYTES + 1);
        Files.writeString(log, "small");
        ChildProcess.rotateIfLarge(log);
        assertThat(log).hasContent("small");
    }

    @Test
    void aChildIgnoresCtrlCSoTheLauncherStopsItInOrderWithSigterm() throws Exception {
        Path procStatus = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(procStatus) && Files.isExecutable(Path.of("/bin/sh")),
                "needs /proc and a POSIX shell");
        Path log = tmp.resolve("sleeper.log");
        String java = JavaCommand.currentJava().toString();
        String classpath = System.getProperty("java.class.path");
        ChildProcess child = ChildProcess.start("sleeper", List.of(java, "-cp", classpath, SleepingChild.class.getName()),
                Map.of(), tmp, log);
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> child.logContains(Pattern.compile("sleeping")));
            // the JVM itself (same pid: the shell exec'ed it) has SIGINT (signal 2, bit 1) ignored, not caught
            String status = Files.readString(Path.of("/proc/" + child.pid() + "/status"));
            assertThat(signalMask(status, "SigIgn") & 0x2L).as("SIGINT ignored").isEqualTo(0x2L);
            assertThat(signalMask(status, "SigCgt") & 0x2L).as("SIGINT not caught").isZero();
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(Duration.ofSeconds(2))).as("still running after SIGINT").isFalse();
            // SIGTERM stops it politely: its shutdown hook runs
            assertThat(child.stop(Duration.ofSeconds(30))).isTrue();
            assertThat(child.logContains(Pattern.compile("shutdown hook ran"))).isTrue();
        } finally {
            child.stop(Duration.ofSeconds(1));
        }
    }

    private static long signalMask(String procStatus, String field) {
        return procStatus.lines().filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> Long.parseUnsignedLong(l.substring(field.length() + 1).trim(), 16)).orElseThrow();
    }

    /** A child that reports it is up, then sleeps until it is stopped. */
    public static final class SleepingChild {
        public static void main(String[] args) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            System.out.println("sleeping");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
