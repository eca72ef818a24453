package org.borderwatch.deploy.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTest {

    @TempDir
    Path tmp;

    @Test
    void runsTheMainClassUnderTheWatchdogWithTheWatchdogFirstOnTheClasspath() {
        JavaCommand cmd = new JavaCommand(List.of("-Xmx512m"), List.of("/opt/kafka-libs/*"), "kafka.Kafka",
                List.of("server.properties"));
        List<String> line = cmd.commandLine(Path.of("/jdk/bin/java"), Path.of("/data/run/watchdog"), 4242);
        assertThat(line).containsExactly("/jdk/bin/java", "-Xmx512m", "-cp",
                "/data/run/watchdog" + File.pathSeparator + "/opt/kafka-libs/*",
                "org.borderwatch.deploy.local.process.ParentWatchdog", "4242", "kafka.Kafka", "server.properties");
    }

    @Test
    void theWatchdogIsInstalledAsOneClassFileUnderItsPackage() {
        Path dir = WatchdogInstaller.install(tmp.resolve("watchdog"));
        Path classFile = dir.resolve("org/borderwatch/deploy/local/process/ParentWatchdog.class");
        assertThat(classFile).isRegularFile();
        assertThat(classFile.getParent()).isDirectoryNotContaining(p -> !p.equals(classFile));
        // installing again (the next start) replaces it without failing
        assertThat(WatchdogInstaller.install(tmp.resolve("watchdog"))).isEqualTo(dir);
    }

    @Test
    void theWatchdogSeesItsOwnParentAliveAndAStrangerNot() {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(ParentWatchdog.parentAlive(parent)).isTrue();
        assertThat(ParentWatchdog.parentAlive(ProcessHandle.current().pid())).isFalse();
        assertThat(Files.exists(JavaCommand.currentJava())).isTrue();
    }
}
