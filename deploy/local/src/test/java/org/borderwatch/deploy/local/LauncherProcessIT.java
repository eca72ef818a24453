package org.borderwatch.deploy.local;

import org.borderwatch.deploy.local.ports.PortCheck;
import org.borderwatch.deploy.local.services.FakeBootApp;
import org.borderwatch.deploy.local.services.FakeServiceJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged launcher as a user runs it: {@code java -jar borderwatch-local.jar up}, then SIGTERM or SIGKILL. */
class LauncherProcessIT {

    private static final Path JAR = Path.of(System.getProperty("launcher.jar", "target/borderwatch-local.jar"));

    @TempDir
    Path data;

    private final int kafkaPort = PortCheck.freePort();
    private final int controllerPort = PortCheck.freePort();
    private final int mongoPort = PortCheck.freePort();
    private final List<Process> started = new ArrayList<>();

    /** A running launcher and everything it printed so far. */
    private record Running(Process process, List<String> output) {
        String text() {
            return String.join("\n", output);
        }
    }

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Running up(String... extraArgs) throws IOException {
        Running running = start(Map.of(), extraArgs);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() ->
                running.output().contains("Press Ctrl-C to stop.") || !running.process().isAlive());
        assertThat(running.process().isAlive()).as(running.text()).isTrue();
        return running;
    }

    private Running start(Map<String, String> environment, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "up", "--data", data.toString(),
                "--kafka-port", Integer.toString(kafkaPort), "--controller-port", Integer.toString(controllerPort),
                "--mongo-port", Integer.toString(mongoPort), "--partitions", "2"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Running(process, output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void printsTheAddressesStartsTheBuiltServicesAndStopsEverythingOnSigterm(@TempDir Path project) throws Exception {
        FakeServiceJar.write(project.resolve("alert-service/target/alert-service-0.1.0-SNAPSHOT.jar"));
        int alertPort = PortCheck.freePort();
        Running launcher = up("--with-services", "--project-dir", project.toString(),
                "--service-port", "alert-service=" + alertPort, "--service-timeout", "120");
        assertThat(launcher.output())
                .contains("  export SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:" + kafkaPort,
                        "  export SPRING_MONGODB_URI=mongodb://localhost:" + mongoPort + "/borderwatch")
                .anyMatch(line -> line.matches("\\s+border\\.reports\\.normalized\\s+2 partition\\(s\\)\\s+created"))
                .anyMatch(line -> line.startsWith("Not built, not started: ingest-service, classifier-service"))
                .anyMatch(line -> line.startsWith("  alert-service is ready: http://localhost:" + alertPort));

        Process status = new ProcessBuilder(java(), "-jar", JAR.toString(), "status", "--data", data.toString(),
                "--timeout", "30", "--topics")
                .redirectErrorStream(true).start();
        String statusText = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(status.exitValue()).as(statusText).isEqualTo(ExitCodes.OK);
        assertThat(statusText).containsPattern("kafka\\s+UP").containsPattern("store\\s+UP")
                .containsPattern("alert-service\\s+UP")
                .containsPattern("\\s+border\\.reports\\.normalized\\s+2 partition\\(s\\)")
                .doesNotContain("MISSING", "missing from the catalogue");

        List<ProcessHandle> before = launcher.process().descendants().toList();
        assertThat(before).as("the broker and the service run in their own JVMs").hasSize(2);

        // a service killed from outside (the OOM killer, a crash) is started again and becomes ready
        ProcessHandle service = before.stream()
                .filter(p -> p.info().commandLine().orElse("").contains(FakeBootApp.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no service child among " + before));
        service.destroyForcibly();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                launcher.output().stream().anyMatch(l -> l.startsWith("alert-service is ready again")));
        assertThat(launcher.output()).anyMatch(l -> l.startsWith("alert-service stopped (exit 137); starting it "
                + "again in 2 s (restart 1 of 3 within 10 min)"));
        assertThat(launcher.process().descendants().toList()).hasSize(2).doesNotContain(service);

        // after a rebuild, one service is restarted on request from a fresh copy of its jar
        ProcessHandle beforeRequest = launcher.process().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(FakeBootApp.class.getName()))
                .findFirst().orElseThrow();
        Process restart = new ProcessBuilder(java(), "-jar", JAR.toString(), "restart", "alert-service", "--data",
                data.toString()).redirectErrorStream(true).start();
        String restartText = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restart.exitValue()).as(restartText).isEqualTo(ExitCodes.OK);
        assertThat(restartText).contains("alert-service is ready again: http://localhost:" + alertPort);
        assertThat(beforeRequest.isAlive()).isFalse();
        assertThat(launcher.output()).contains("Restarting alert-service on request ...")
                .anyMatch(l -> l.startsWith("  alert-service starts from a fresh copy of " + project));
        Process unknown = new ProcessBuilder(java(), "-jar", JAR.toString(), "restart", "ingest-service", "--data",
                data.toString()).redirectErrorStream(true).start();
        String unknownText = new String(unknown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unknown.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.exitValue()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unknownText).contains("ingest-service is not running under the launcher");

        List<ProcessHandle> children = launcher.process().descendants().toList();
        assertThat(children).hasSize(2).doesNotContain(service, beforeRequest);

        // SIGTERM, like Ctrl-C or a service manager (through the handle: Process.destroy() would close our pipe)
        launcher.process().toHandle().destroy();
        assertThat(launcher.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(5)).until(() -> launcher.output().contains("Stopped."));
        assertThat(new DataLayout(data).stateFile()).doesNotExist();
    }

    @Test
    void ctrlCWhileAServiceIsStartingStopsQuietlyWithoutCallingItAStartFailure(@TempDir Path project) throws Exception {
        FakeServiceJar.write(project.resolve("alert-service/target/alert-service-0.1.0-SNAPSHOT.jar"));
        Running launcher = start(Map.of("FAKE_MODE", "never-ready"), "--with-services", "--project-dir",
                project.toString(), "--service-port", "alert-service=" + PortCheck.freePort(), "--service-timeout", "120");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() ->
                launcher.output().stream().anyMatch(l -> l.startsWith("Starting alert-service on port"))
                        || !launcher.process().isAlive());
        // the line is printed just before the service's JVM is spawned: wait for the child, not only for the line
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                launcher.process().descendants().count() >= 2 || !launcher.process().isAlive());
        List<ProcessHandle> children = launcher.process().descendants().toList();
        assertThat(children).as(launcher.text()).hasSize(2);

        launcher.process().toHandle().destroy(); // SIGTERM while the service is not ready yet
        assertThat(launcher.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(5)).until(() -> launcher.output().contains("Stopped."));
        assertThat(launcher.text()).doesNotContain("exited during start-up").doesNotContain("Press Ctrl-C to stop.")
                .doesNotContain("is ready");
        assertThat(new DataLayout(data).stateFile()).doesNotExist();
    }

    @Test
    void theBrokerDiesWithAKilledLauncher() throws Exception {
        Running launcher = up();
        List<ProcessHandle> children = launcher.process().descendants().toList();
        assertThat(children).isNotEmpty();

        launcher.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(launcher.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(children).noneMatch(ProcessHandle::isAlive));
        await().atMost(Duration.ofSeconds(10)).until(() -> new PortCheck("localhost").isFree(kafkaPort));

        // a killed launcher leaves no lock behind: the next start may use the data directory
        DataDirLock.acquire(new DataLayout(data)).close();
    }
}
