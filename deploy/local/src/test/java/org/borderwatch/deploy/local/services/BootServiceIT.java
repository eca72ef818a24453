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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts a real child JVM from an executable jar, as the launcher does with the services. */
class BootServiceIT {

    @TempDir
    static Path tmp;
    static Path jar;
    static Path watchdog;

    @BeforeAll
    static void buildAFakeServiceJar() throws IOException {
        jar = FakeServiceJar.write(tmp.resolve("fake-service-1.0.jar"));
        watchdog = WatchdogInstaller.install(tmp.resolve("watchdog"));
    }

    private static BootService start(String name, int port, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(BootService.environment(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092",
                "SPRING_MONGODB_URI", "mongodb://localhost:27117/borderwatch"), port, "local"));
        env.putAll(extraEnv);
        return BootService.start(new BootService.Settings(name, jar, "localhost", port, env,
                BootService.DEFAULT_JVM_OPTIONS, watchdog, tmp, tmp.resolve("logs/" + name + ".log")));
    }

    @Test
    void startsTheJarWithTheAddressesInItsEnvironmentAndWaitsForReadiness() throws Exception {
        int port = PortCheck.freePort();
        BootService service = start("fake-ok", port, Map.of());
        try {
            service.awaitReady(Duration.ofSeconds(60));
            assertThat(service.readinessUri()).hasToString("http://localhost:" + port + "/actuator/health/readiness");
            String env = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/env")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(env).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:19092",
                    "SPRING_MONGODB_URI=mongodb://localhost:27117/borderwatch", "SERVER_PORT=" + port,
                    "SPRING_PROFILES_ACTIVE=local");
        } finally {
            service.close();
        }
        assertThat(service.process().isAlive()).isFalse();
        assertThat(ProcessHandle.of(service.process().pid()).map(ProcessHandle::isAlive)).isNotEqualTo(
                java.util.Optional.of(true));
        assertThat(new PortCheck("localhost").isFree(port)).isTrue();
    }

    @Test
    void aServiceThatDiesDuringStartUpIsReportedWithTheEndOfItsLog() {
        BootService service = start("fake-crash", PortCheck.freePort(), Map.of("FAKE_MODE", "crash"));
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("fake-crash exited during start-up (exit 7)")
                    .hasMessageContaining("boom: cannot connect to anything");
        } finally {
            service.close();
        }
    }

    @Test
    void aServiceThatNeverBecomesReadyTimesOut() {
        BootService service = start("fake-slow", PortCheck.freePort(), Map.of("FAKE_MODE", "never-ready"));
        try {
            assertThatThrownBy(() -> service.awaitReady(Duration.ofSeconds(3)))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("fake-slow was not ready within 3 s")
                    .hasMessageContaining("fake-slow.log");
            assertThat(service.process().isAlive()).isTrue();
        } finally {
            service.close();
        }
        assertThat(service.process().isAlive()).isFalse();
    }

    @Test
    void aJarWithoutMainClassIsRefusedClearly() throws IOException {
        Path plain = tmp.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plain))) {
            out.putNextEntry(new JarEntry("nothing.txt"));
            out.closeEntry();
        }
        assertThatThrownBy(() -> BootService.mainClassOf(plain)).hasMessageContaining("has no Main-Class");
    }
}
