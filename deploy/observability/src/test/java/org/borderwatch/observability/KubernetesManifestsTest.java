package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** deploy/k8s: a kustomize base whose Deployments are probed on the actuator groups and keep secrets in Secrets. */
class KubernetesManifestsTest {

    private static final Path DIR = Repo.root().resolve("deploy/k8s");
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY|MONGODB_URI)");

    @Test
    void kustomizationListsEveryManifestAndEachOneParses() {
        JsonNode kustomization = Repo.yaml("deploy/k8s/kustomization.yaml");
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asString()));
        List<String> manifests = manifestFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
        for (Path p : manifestFiles()) {
            List<JsonNode> docs = Repo.yamlDocuments(p);
            assertThat(docs).as(p.toString()).isNotEmpty();
            docs.forEach(d -> assertThat(d.path("kind").asString()).as(p.toString()).isNotBlank());
        }
    }

    @Test
    void eachServiceHasADeploymentAndAServiceOnItsPort() {
        List<JsonNode> docs = allDocuments();
        ComposeTest.SERVICES.forEach((name, port) -> {
            JsonNode deployment = find(docs, "Deployment", name);
            JsonNode service = find(docs, "Service", name);
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(podLabels);
            service.path("spec").path("selector").properties().forEach(e ->
                    assertThat(podLabels.path(e.getKey())).as(name + " service selector").isEqualTo(e.getValue()));
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(name).isEqualTo(port);
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).as(name).isEqualTo(port);
            assertThat(env(container).get("SERVER_PORT").path("value").asString()).as(name).isEqualTo(String.valueOf(port));
        });
    }

    @Test
    void everyContainerIsProbedOnTheActuatorHealthGroups() {
        for (JsonNode deployment : deployments()) {
            String name = deployment.path("metadata").path("name").asString();
            for (JsonNode c : containers(deployment)) {
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asString()).as(name)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asString()).as(name)
                        .isEqualTo("/actuator/health/liveness");
                String portName = c.path("readinessProbe").path("httpGet").path("port").asString();
                List<String> declared = new ArrayList<>();
                c.path("ports").forEach(p -> declared.add(p.path("name").asString()));
                assertThat(declared).as(name + " probe port").contains(portName);
            }
        }
    }

    @Test
    void probeTimeoutsLeaveRoomForAHungBrokersSlowAnswer() {
        // with the broker hung, readiness answers 503 after the binders' 5 s health timeout (the classifier's checks
        // queue behind one lock: its README asks for more than 10 s); kubelet's default timeout is 1 s
        for (JsonNode deployment : deployments()) {
            String name = deployment.path("metadata").path("name").asString();
            for (JsonNode c : containers(deployment)) {
                JsonNode readiness = c.path("readinessProbe");
                assertThat(readiness.path("timeoutSeconds").asInt()).as(name + " readiness timeout").isGreaterThan(10);
                assertThat(readiness.path("periodSeconds").asInt()).as(name + " readiness period")
                        .isGreaterThanOrEqualTo(readiness.path("timeoutSeconds").asInt());
                assertThat(c.path("livenessProbe").path("timeoutSeconds").asInt()).as(name + " liveness timeout")
                        .isGreaterThan(1);
                assertThat(c.path("startupProbe").path("timeoutSeconds").asInt()).as(name + " startup timeout")
                        .isGreaterThan(1);
            }
        }
    }

    @Test
    void thePodsCarryThePartOfLabelThePodMonitorSelectsAndItNamesTheServiceForTheAvailabilityRule() {
        JsonNode kustomization = Repo.yaml("deploy/k8s/kustomization.yaml");
        JsonNode partOf = null;
        for (JsonNode l : kustomization.path("labels")) {
            if (l.path("pairs").has("app.kubernetes.io/part-of")) {
                partOf = l;
            }
        }
        assertThat(partOf).as("a labels entry with app.kubernetes.io/part-of").isNotNull();
        assertThat(partOf.path("includeTemplates").asBoolean()).as("part-of label on the pod templates").isTrue();
        assertThat(partOf.path("includeSelectors").asBoolean()).as("selectors left alone").isFalse();

        JsonNode monitor = Repo.yaml("deploy/k8s/podmonitor.example.yaml");
        assertThat(monitor.path("kind").asString()).isEqualTo("PodMonitor");
        assertThat(monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/part-of"))
                .isEqualTo(partOf.path("pairs").path("app.kubernetes.io/part-of"));
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.path("port").asString()).isEqualTo("http");
        JsonNode relabel = endpoint.path("relabelings").get(0);
        assertThat(relabel.path("targetLabel").asString()).isEqualTo("service");
        assertThat(relabel.path("sourceLabels").get(0).asString())
                .isEqualTo("__meta_kubernetes_pod_label_app_kubernetes_io_name");
        // ... and that pod label is the service's name, which the rule's service regex lists
        ComposeTest.SERVICES.keySet().forEach(name -> assertThat(find(allDocuments(), "Deployment", name)
                .path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/name").asString())
                .isEqualTo(name));
    }

    @Test
    void noPodReceivesServiceLinkVariablesUnderTheServicesConfigurationPrefixes() {
        // Service links would put INGEST_SERVICE_PORT=tcp://… etc. into the environment: ingest.service.port to Spring.
        for (JsonNode deployment : deployments()) {
            JsonNode podSpec = deployment.path("spec").path("template").path("spec");
            assertThat(podSpec.path("enableServiceLinks").isBoolean())
                    .as("%s sets enableServiceLinks", deployment.path("metadata").path("name").asString()).isTrue();
            assertThat(podSpec.path("enableServiceLinks").asBoolean())
                    .as("%s enableServiceLinks", deployment.path("metadata").path("name").asString()).isFalse();
        }
    }

    @Test
    void podsRunWithTheRuntimesSeccompProfileAndWithoutAServiceAccountToken() {
        for (JsonNode deployment : deployments()) {
            String name = deployment.path("metadata").path("name").asString();
            JsonNode podSpec = deployment.path("spec").path("template").path("spec");
            assertThat(podSpec.path("securityContext").path("seccompProfile").path("type").asString()).as(name)
                    .isEqualTo("RuntimeDefault");
            assertThat(podSpec.path("automountServiceAccountToken").isBoolean()).as(name).isTrue();
            assertThat(podSpec.path("automountServiceAccountToken").asBoolean()).as(name).isFalse();
            assertThat(podSpec.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
        }
    }

    @Test
    void theExampleNetworkPoliciesDenyByDefaultAndOpenOnlyTheServicesPorts() {
        List<JsonNode> policies = Repo.yamlDocuments(DIR.resolve("networkpolicy.example.yaml"));
        assertThat(policies).allSatisfy(p -> assertThat(p.path("kind").asString()).isEqualTo("NetworkPolicy"));
        JsonNode deny = policies.stream().filter(p -> p.path("spec").path("ingress").isMissingNode()).findFirst()
                .orElseThrow(() -> new AssertionError("no default-deny policy"));
        assertThat(deny.path("spec").path("podSelector").isEmpty()).as("selects every pod").isTrue();
        List<JsonNode> deployments = deployments();
        for (JsonNode allow : policies.stream().filter(p -> !p.path("spec").path("ingress").isMissingNode()).toList()) {
            allow.path("spec").path("ingress").forEach(rule -> rule.path("ports").forEach(port -> {
                String named = port.path("port").asString();
                assertThat(deployments).as("port %s names a container port of every pod", named).allSatisfy(d ->
                        assertThat(d.path("spec").path("template").path("spec").path("containers").get(0)
                                .path("ports").get(0).path("name").asString()).isEqualTo(named));
            }));
        }
        JsonNode apis = policies.stream().filter(p -> p.path("metadata").path("name").asString().contains("apis"))
                .findFirst().orElseThrow();
        List<String> reachable = new ArrayList<>();
        apis.path("spec").path("podSelector").path("matchExpressions").get(0).path("values")
                .forEach(v -> reachable.add(v.asString()));
        assertThat(reachable).as("people and partners reach ingest and alert, never the classifier")
                .containsExactlyInAnyOrder("ingest-service", "alert-service");
    }

    @Test
    void credentialsComeFromSecretsNeverFromLiterals() {
        List<JsonNode> docs = allDocuments();
        assertThat(docs).noneMatch(d -> d.path("kind").asString().equals("Secret"));
        for (JsonNode d : docs) {
            if (d.path("kind").asString().equals("ConfigMap")) {
                d.path("data").propertyNames().forEach(k -> assertThat(k).as("ConfigMap key").doesNotMatch(SECRET_LIKE));
            }
            if (d.path("kind").asString().equals("Deployment")) {
                for (JsonNode c : containers(d)) {
                    env(c).forEach((k, v) -> {
                        if (SECRET_LIKE.matcher(k).matches()) {
                            assertThat(v.path("valueFrom").path("secretKeyRef").path("name").asString())
                                    .as("%s in %s", k, d.path("metadata").path("name").asString()).isNotBlank();
                        }
                    });
                }
            }
        }
        JsonNode alert = find(docs, "Deployment", "alert-service").path("spec").path("template").path("spec")
                .path("containers").get(0);
        assertThat(env(alert)).containsKeys("SPRING_MONGODB_URI", "ALERT_SECURITY_USERS_0_PASSWORD", "ALERT_SECRETS_KEY");
    }

    @Test
    void alertServiceHasTheKeyThatSealsWebhookSecretsAndNeverRunsTwoKeysSideBySide() {
        // alert-service refuses to start without alert.secrets.key outside the local profile, which no pod uses
        JsonNode deployment = find(allDocuments(), "Deployment", "alert-service");
        JsonNode key = env(containers(deployment).get(0)).get("ALERT_SECRETS_KEY");
        assertThat(key).as("ALERT_SECRETS_KEY in alert-service").isNotNull();
        assertThat(key.path("valueFrom").path("secretKeyRef").path("optional").asBoolean(false))
                .as("the key is required, not optional").isFalse();
        assertThat(deployment.path("spec").path("strategy").path("type").asString())
                .as("an old pod would not open secrets sealed under a rotated key").isEqualTo("Recreate");
    }

    /** Every Deployment, asserted to be one per service so the loops over them never pass with nothing to check. */
    private static List<JsonNode> deployments() {
        List<JsonNode> deployments = allDocuments().stream()
                .filter(d -> d.path("kind").asString().equals("Deployment")).toList();
        assertThat(deployments).as("one Deployment per service").hasSize(ComposeTest.SERVICES.size());
        return deployments;
    }

    /** The containers of a Deployment's pod template, asserted non-empty (a misspelt key would leave none). */
    private static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        deployment.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        assertThat(containers).as("containers of %s", deployment.path("metadata").path("name").asString()).isNotEmpty();
        return containers;
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asString(), e));
        return env;
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> d.path("kind").asString().equals(kind) && d.path("metadata").path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static List<JsonNode> allDocuments() {
        List<JsonNode> docs = new ArrayList<>();
        manifestFiles().forEach(p -> docs.addAll(Repo.yamlDocuments(p)));
        return docs;
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().startsWith("kustomization"))
                    .filter(p -> !p.getFileName().toString().endsWith(".example.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
