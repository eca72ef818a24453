package org.borderwatch.deploy.local.services;

import org.borderwatch.deploy.local.ports.PortCheck;
import org.borderwatch.deploy.local.process.WatchdogInstaller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real child JVMs from a fake service jar, stopped from outside as a crash or the OOM killer would. */
class ServiceSupervisorIT {

    static final RestartPolicy QUICK = new RestartPolicy(2, Duration.ofMinutes(10), Duration.ofMillis(100),
            Duration.ofMillis(200));

    @TempDir
    static Path tmp;
    static Path jar;
    static Path watchdog;

    @BeforeAll
    static void buildAFakeServiceJar() throws IOException {
        jar = FakeServiceJar.write(tmp.resolve("fake-service-1.0.jar"));
        watchdog = WatchdogInstaller.install(tmp.resolve("watchdog"));
    }

    static BootService.Settings settings(String name, int port, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(BootService.environment(Map.of(), port, "local"));
        env.putAll(extraEnv);
        return new BootService.Settings(name, jar, "localhost", port, env, BootService.DEFAULT_JVM_OPTIONS, watchdog,
                tmp, tmp.resolve("logs/" + name + ".log"));
    }

    static BootService startReady(BootService.Settings settings) {
        BootService service = BootService.start(settings);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    static void kill(BootService service) {
        ProcessHandle.of(service.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    static int readiness(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + BootService.READINESS_PATH)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Records what the launcher would print. */
    static final class Recorder implements ServiceSupervisor.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void restarting(String service, int exitCode, Duration delay, int restart, RestartPolicy policy,
                               Path log) {
            events.add("restarting " + service + " exit " + exitCode + " #" + restart + " after " + delay.toMillis());
        }

        @Override
        public void readyAgain(BootService service) {
            events.add("ready " + service.name() + " pid " + service.process().pid());
        }

        @Override
        public void restartFailed(String service, String reason) {
            events.add("failed " + service + ": " + reason);
        }

        @Override
        public void givenUp(String service, int exitCode, RestartPolicy policy, Path log) {
            events.add("given up " + service + " exit " + exitCode);
        }
    }

    @Test
    void aServiceKilledFromOutsideIsStartedAgainAndBecomesReady() {
        int port = PortCheck.freePort();
        BootService.Settings settings = settings("fake-killed", port, Map.of());
        BootService first = startReady(settings);
        Recorder recorder = new Recorder();
        ServiceSupervisor supervisor = ServiceSupervisor.watch(first, settings, QUICK, Duration.ofSeconds(60),
                recorder, Clock.systemUTC());
        try {
            kill(first);

            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.events.stream().anyMatch(e -> e.startsWith("ready")));
            BootService second = supervisor.current();
            assertThat(second).isNotSameAs(first);
            assertThat(second.process().pid()).isNotEqualTo(first.process().pid());
            assertThat(readiness(port)).isEqualTo(200);
            assertThat(recorder.events).containsExactly("restarting fake-killed exit 137 #1 after 100",
                    "ready fake-killed pid " + second.process().pid());
            assertThat(supervisor.restartCount()).isEqualTo(1);
        } finally {
            supervisor.close();
        }
        assertThat(supervisor.current().process().isAlive()).as("close stops the restarted instance").isFalse();
        assertThat(new PortCheck("localhost").isFree(port)).isTrue();
    }

    @Test
    void aServiceThatKeepsFailingIsLeftStoppedAfterItsLastRestart() {
        int port = PortCheck.freePort();
        BootService first = startReady(settings("fake-broken", port, Map.of()));
        Recorder recorder = new Recorder();
        // what it is started again with now crashes at once, like a service whose store went away for good
        ServiceSupervisor supervisor = ServiceSupervisor.watch(first,
                settings("fake-broken", port, Map.of("FAKE_MODE", "crash")), QUICK, Duration.ofSeconds(60), recorder,
                Clock.systemUTC());
        try {
            kill(first);

            await().atMost(Duration.ofSeconds(90)).until(() -> recorder.events.stream().anyMatch(e -> e.startsWith("given up")));
            assertThat(recorder.events).hasSize(5);
            assertThat(recorder.events.get(0)).isEqualTo("restarting fake-broken exit 137 #1 after 100");
            assertThat(recorder.events.get(1)).startsWith("failed fake-broken: fake-broken exited during start-up (exit 7)")
                    .contains("boom: cannot connect to anything");
            assertThat(recorder.events.get(2)).isEqualTo("restarting fake-broken exit 7 #2 after 200");
            assertThat(recorder.events.get(3)).startsWith("failed fake-broken");
            assertThat(recorder.events.get(4)).isEqualTo("given up fake-broken exit 7");
            assertThat(supervisor.restartCount()).isEqualTo(2);
            assertThat(supervisor.current().process().isAlive()).isFalse();
        } finally {
            supervisor.close();
        }
    }

    @Test
    void aRestartOnRequestStopsTheRunningInstanceFirstAndDoesNotCountAsAFailure() throws Exception {
        int port = PortCheck.freePort();
        BootService.Settings settings = settings("fake-requested", port, Map.of());
        BootService first = startReady(settings);
        Recorder recorder = new Recorder();
        ServiceSupervisor supervisor = ServiceSupervisor.watch(first, settings, QUICK, Duration.ofSeconds(60),
                recorder, Clock.systemUTC());
        List<Boolean> oldAliveWhenRefreshing = new CopyOnWriteArrayList<>();
        try {
            BootService second = supervisor.restartNow(() -> oldAliveWhenRefreshing.add(first.process().isAlive()))
                    .get(60, TimeUnit.SECONDS);

            assertThat(oldAliveWhenRefreshing).as("the jar is refreshed after the old instance stopped")
                    .containsExactly(false);
            assertThat(second).isSameAs(supervisor.current()).isNotSameAs(first);
            assertThat(readiness(port)).isEqualTo(200);
            assertThat(recorder.events).as("the stop it caused is not a failure")
                    .containsExactly("ready fake-requested pid " + second.process().pid());
            assertThat(supervisor.restartCount()).isZero();

            kill(second); // and it is still supervised afterwards
            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.events.size() == 3);
            assertThat(recorder.events.get(1)).isEqualTo("restarting fake-requested exit 137 #1 after 100");
            assertThat(readiness(port)).isEqualTo(200);
        } finally {
            supervisor.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !supervisor.current().process().isAlive());
    }

    @Test
    void afterCloseAStoppedServiceIsNotStartedAgain() {
        int port = PortCheck.freePort();
        BootService.Settings settings = settings("fake-closed", port, Map.of());
        BootService first = startReady(settings);
        Recorder recorder = new Recorder();
        ServiceSupervisor supervisor = ServiceSupervisor.watch(first, settings, QUICK, Duration.ofSeconds(60),
                recorder, Clock.systemUTC());

        supervisor.close();

        assertThat(first.process().isAlive()).isFalse();
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> recorder.events.isEmpty() && supervisor.current() == first);
        assertThat(new PortCheck("localhost").isFree(port)).isTrue();
    }

    @Test
    void withNoRestartsAllowedTheStopIsReportedOnce() throws Exception {
        int port = PortCheck.freePort();
        BootService.Settings settings = settings("fake-once", port, Map.of());
        BootService first = startReady(settings);
        Recorder recorder = new Recorder();
        ServiceSupervisor supervisor = ServiceSupervisor.watch(first, settings, QUICK.withMaxRestarts(0),
                Duration.ofSeconds(60), recorder, Clock.systemUTC());
        try {
            kill(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorder.events.isEmpty());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> recorder.events.size() == 1);
            assertThat(recorder.events).containsExactly("given up fake-once exit 137");
            assertThat(supervisor.restartCount()).isZero();
            assertThat(supervisor.hasGivenUp()).isTrue();

            // once the cause is fixed, a restart on request brings it back
            BootService revived = supervisor.restartNow(() -> { }).get(60, TimeUnit.SECONDS);
            assertThat(revived.process().pid()).isNotEqualTo(first.process().pid());
            assertThat(readiness(port)).isEqualTo(200);
            assertThat(supervisor.hasGivenUp()).isFalse();
        } finally {
            supervisor.close();
        }
    }
}
