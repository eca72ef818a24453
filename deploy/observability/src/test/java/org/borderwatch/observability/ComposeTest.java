package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docker-compose.yml: the whole stack, every service healthy before what depends on it starts. */
class ComposeTest {

    /** Service name to its HTTP port: the launcher's and the READMEs' (8081, 8082, 8083). */
    static final Map<String, Integer> SERVICES = Map.of("ingest-service", 8081, "classifier-service", 8082,
            "alert-service", 8083);

    private final JsonNode services = Repo.yaml("docker-compose.yml").path("services");

    @Test
    void holdsTheWholeStack() {
        assertThat(services.propertyNames()).containsExactlyInAnyOrder("kafka", "topic-init", "mongo",
                "ingest-service", "classifier-service", "alert-service", "prometheus", "grafana");
        assertThat(services.path("kafka").path("image").asString()).isEqualTo("apache/kafka:4.1.2");
        assertThat(services.path("topic-init").path("image").asString()).isEqualTo("apache/kafka:4.1.2");
        assertThat(services.path("mongo").path("image").asString()).isEqualTo("mongo:8.0");
    }

    @Test
    void everyPublishedPortListensOnLoopbackOnlyAndPrometheusCannotBeStoppedOverHttp() {
        // the local profile's development users and key, MongoDB and Kafka without authentication: a workstation setup
        for (String name : services.propertyNames()) {
            services.path(name).path("ports").valueStream().map(JsonNode::asString).forEach(port ->
                    assertThat(port).as("%s publishes %s", name, port).startsWith("127.0.0.1:"));
        }
        assertThat(services.path("prometheus").path("command").valueStream().map(JsonNode::asString))
                .as("the lifecycle API answers POST /-/quit without authentication")
                .noneMatch(arg -> arg.contains("web.enable-lifecycle"));
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        for (String name : services.propertyNames()) {
            if (name.equals("topic-init")) {
                continue;
            }
            JsonNode test = services.path(name).path("healthcheck").path("test");
            assertThat(test.isArray() && !test.isEmpty()).as("%s healthcheck.test", name).isTrue();
        }
    }

    @Test
    void everyServiceIsBuiltFromTheOneDockerfileWithItsJarAndPort() {
        SERVICES.forEach((name, port) -> {
            JsonNode s = services.path(name);
            assertThat(s.path("build").path("dockerfile").asString()).as(name).isEqualTo("deploy/docker/Dockerfile");
            assertThat(s.path("build").path("context").asString()).as(name).isEqualTo(".");
            assertThat(s.path("build").path("args").path("JAR_FILE").asString()).as(name)
                    .matches(name + "/target/" + name + "-[^/]+\\.jar");
            assertThat(s.path("build").path("args").path("SERVER_PORT").asInt()).as(name).isEqualTo(port);
            assertThat(s.path("environment").path("SERVER_PORT").asInt()).as(name).isEqualTo(port);
            assertThat(s.path("ports").get(0).asString()).as(name).isEqualTo("127.0.0.1:" + port + ":" + port);
            assertThat(s.path("healthcheck").path("test").toString()).as(name).contains("/opt/borderwatch/healthcheck.sh");
            assertThat(Files.isExecutable(Repo.file("deploy/docker/healthcheck.sh"))).isTrue();
        });
        assertThat(Repo.read("deploy/docker/Dockerfile"))
                .contains("ARG JAR_FILE", "FROM ${JRE_IMAGE}", "ARG JRE_IMAGE=eclipse-temurin:17-jre",
                        "USER 10001", "COPY --chmod=0755 deploy/docker/healthcheck.sh /opt/borderwatch/healthcheck.sh",
                        "HEALTHCHECK");
    }

    @Test
    void servicesReachKafkaOnItsInternalListenerAndStartOnlyOnHealthyInfrastructure() {
        String advertised = services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asString();
        SERVICES.keySet().forEach(name -> {
            JsonNode s = services.path(name);
            String bootstrap = s.path("environment").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString();
            assertThat(advertised).as(name).contains("://" + bootstrap);
            assertThat(s.path("environment").has("SPRING_PROFILES_ACTIVE")).as(name).isTrue();
            JsonNode dependsOn = s.path("depends_on");
            assertThat(dependsOn.path("kafka").path("condition").asString()).as(name).isEqualTo("service_healthy");
            assertThat(dependsOn.path("topic-init").path("condition").asString()).as(name)
                    .isEqualTo("service_completed_successfully");
        });
        String stateDir = services.path("classifier-service").path("environment").path("SPRING_APPLICATION_JSON")
                .asString();
        assertThat(org.borderwatch.common.json.Json.mapper().readTree(stateDir)
                .path("spring.cloud.stream.kafka.streams.binder.configuration.state.dir").asString())
                .startsWith("/var/lib/borderwatch/");
        JsonNode alert = services.path("alert-service");
        assertThat(alert.path("environment").path("SPRING_MONGODB_URI").asString()).startsWith("mongodb://mongo:27017/");
        assertThat(alert.path("depends_on").path("mongo").path("condition").asString()).isEqualTo("service_healthy");
        assertThat(services.path("topic-init").path("depends_on").path("kafka").path("condition").asString())
                .isEqualTo("service_healthy");
    }

    @Test
    void everyHealthyConditionPointsAtAServiceWithAHealthCheck() {
        List<String> problems = new ArrayList<>();
        for (String name : services.propertyNames()) {
            for (var dep : services.path(name).path("depends_on").properties()) {
                String condition = dep.getValue().path("condition").asString();
                JsonNode target = services.path(dep.getKey());
                if (target.isMissingNode()) {
                    problems.add(name + " depends on unknown " + dep.getKey());
                } else if (condition.equals("service_healthy") && target.path("healthcheck").isMissingNode()) {
                    problems.add(name + " waits for " + dep.getKey() + " to be healthy, which has no healthcheck");
                } else if (!List.of("service_healthy", "service_completed_successfully").contains(condition)) {
                    problems.add(name + " -> " + dep.getKey() + ": condition " + condition);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void kafkaIsASingleKraftNodeWithReplicationOneForItsInternalTopics() {
        JsonNode env = services.path("kafka").path("environment");
        assertThat(env.path("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
        // Kafka refuses to format storage with a cluster id that is not a URL-safe base64 UUID
        assertThat(java.util.Base64.getUrlDecoder().decode(env.path("CLUSTER_ID").asString())).hasSize(16);
        for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
            assertThat(env.path(key).asInt()).as(key).isEqualTo(1);
        }
    }

    @Test
    void prometheusAndGrafanaMountTheVersionedFilesWhereTheirConfigurationExpectsThem() {
        assertThat(services.path("prometheus").path("volumes").toString()).contains("./deploy/prometheus:/etc/prometheus");
        assertThat(services.path("prometheus").path("command").toString())
                .contains("--config.file=/etc/prometheus/prometheus.yml");
        String grafanaVolumes = services.path("grafana").path("volumes").toString();
        assertThat(grafanaVolumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning");
        String dashboardsPath = Repo.yaml("deploy/grafana/provisioning/dashboards/borderwatch.yml")
                .path("providers").get(0).path("options").path("path").asString();
        assertThat(grafanaVolumes).contains("./deploy/grafana/dashboards:" + dashboardsPath);
        String home = services.path("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
                .asString();
        assertThat(home).startsWith(dashboardsPath + "/");
        Repo.file("deploy/grafana/dashboards/" + home.substring(dashboardsPath.length() + 1));
    }
}
