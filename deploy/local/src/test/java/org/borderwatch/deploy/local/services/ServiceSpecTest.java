package org.borderwatch.deploy.local.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSpecTest {

    @TempDir
    Path project;

    private final ServiceSpec ingest = new ServiceSpec("ingest-service", 8081);

    private Path file(String relative) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    @Test
    void findsTheExecutableJarAndIgnoresPlainSourcesAndOtherModules() throws IOException {
        file("ingest-service/target/ingest-service-0.1.0-SNAPSHOT-plain.jar");
        file("ingest-service/target/ingest-service-0.1.0-SNAPSHOT-sources.jar");
        file("ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar.original");
        file("ingest-service/target/classifier-service-0.1.0-SNAPSHOT.jar");
        Path jar = file("ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar");
        assertThat(ingest.findJar(project)).contains(jar);
    }

    @Test
    void takesTheNewestWhenSeveralVersionsWereBuilt() throws IOException {
        Path old = file("ingest-service/target/ingest-service-0.1.0.jar");
        Path newer = file("ingest-service/target/ingest-service-0.2.0.jar");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(ingest.findJar(project)).contains(newer);
    }

    @Test
    void aServiceThatWasNotBuiltHasNoJar() throws IOException {
        assertThat(ingest.findJar(project)).isEmpty();
        file("ingest-service/target/classes/Some.class");
        assertThat(ingest.findJar(project)).isEmpty();
    }

    @Test
    void theCatalogueHasTheThreeServicesOnTheirDefaultPorts() {
        assertThat(ServiceCatalog.ALL).extracting(ServiceSpec::name, ServiceSpec::defaultPort).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ingest-service", 8081),
                org.assertj.core.groups.Tuple.tuple("classifier-service", 8082),
                org.assertj.core.groups.Tuple.tuple("alert-service", 8083));
        assertThat(ServiceCatalog.byName("alert-service")).isPresent();
        assertThat(ServiceCatalog.byName("nope")).isEmpty();
    }

    @Test
    void planSaysWhichServicesAreMissing() throws IOException {
        Path jar = file("alert-service/target/alert-service-0.1.0-SNAPSHOT.jar");
        List<ServicePlan> plans = ServicePlan.of(ServiceCatalog.ALL, Map.of(), project);
        assertThat(plans).filteredOn(p -> p.jar().isEmpty()).extracting(ServicePlan::name)
                .containsExactly("ingest-service", "classifier-service");
        assertThat(plans.get(2).jar()).contains(jar);
        assertThatThrownBy(() -> ServicePlan.of(ServiceCatalog.ALL, Map.of("x", 1), project))
                .hasMessageContaining("Unknown service 'x'");
    }

    @Test
    void servicesGetTheInfrastructureAddressesTheirPortAndProfile() {
        Map<String, String> env = BootService.environment(
                Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
                        "SPRING_MONGODB_URI", "mongodb://localhost:27017/borderwatch"), 8083, "local");
        assertThat(env).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:27017/borderwatch")
                .containsEntry("SERVER_PORT", "8083")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local");
        assertThat(BootService.environment(Map.of(), 1, "")).doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void servicesStartedByTheLauncherListenOnItsHostOnly() {
        // the local profile's development users and partner key must not be reachable from the network
        assertThat(BootService.environment(Map.of(), "localhost", 8081, "local"))
                .containsEntry("SERVER_ADDRESS", "localhost").containsEntry("SERVER_PORT", "8081");
        assertThat(BootService.environment(Map.of(), "10.0.0.5", 8081, "local"))
                .containsEntry("SERVER_ADDRESS", "10.0.0.5");
    }
}
