package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document ({@code /v3/api-docs}) says what the server really does: each operation's success status,
 * its headers and media types, its problem responses as {@code application/problem+json}, its request body and
 * exactly the query parameters the server takes.
 */
class OpenApiDocumentIT extends AlertServiceITSupport {

    /** Every API operation with the success status it answers (and only that one). */
    private static final Map<String, String> SUCCESS = Map.ofEntries(
            entry("GET /api/v1/verdicts", "200"),
            entry("GET /api/v1/verdicts/{incidentId}", "200"),
            entry("POST /api/v1/verdicts/{incidentId}/review", "200"),
            entry("GET /api/v1/alerts", "200"),
            entry("GET /api/v1/alerts/{alertId}", "200"),
            entry("POST /api/v1/alerts/{alertId}/ack", "200"),
            entry("GET /api/v1/alerts/{alertId}/deliveries", "200"),
            entry("GET /api/v1/alerts/{alertId}/audit", "200"),
            entry("GET /api/v1/alerts/stream", "200"),
            entry("POST /api/v1/subscriptions", "201"),
            entry("GET /api/v1/subscriptions", "200"),
            entry("GET /api/v1/subscriptions/{id}", "200"),
            entry("DELETE /api/v1/subscriptions/{id}", "204"),
            entry("POST /api/v1/silences", "201"),
            entry("GET /api/v1/silences", "200"),
            entry("GET /api/v1/silences/{id}", "200"),
            entry("DELETE /api/v1/silences/{id}", "204"),
            entry("GET /api/v1/silences/{id}/audit", "200"),
            entry("GET /api/v1/audit", "200"),
            entry("POST /api/v1/deliveries/{deliveryId}/requeue", "200"),
            entry("POST /api/v1/deliveries/requeue", "200"),
            entry("GET /api/v1/deliveries", "200"),
            entry("GET /api/v1/deliveries/unrelayed", "200"),
            entry("POST /api/v1/deliveries/{deliveryId}/abandon", "200"),
            entry("POST /api/v1/deliveries/bulk-abandon", "200"),
            entry("POST /api/v1/deliveries/bulk-requeue", "200"));

    /** The problem statuses each operation documents (400 and 401 everywhere: see below). */
    private static final Map<String, Set<String>> PROBLEMS = Map.ofEntries(
            entry("GET /api/v1/verdicts", Set.of("400", "401", "406")),
            entry("GET /api/v1/verdicts/{incidentId}", Set.of("400", "401", "404", "406")),
            entry("POST /api/v1/verdicts/{incidentId}/review", Set.of("400", "401", "404", "406", "415")),
            entry("GET /api/v1/alerts", Set.of("400", "401", "406")),
            entry("GET /api/v1/alerts/{alertId}", Set.of("400", "401", "404", "406")),
            entry("POST /api/v1/alerts/{alertId}/ack", Set.of("400", "401", "404", "406", "409", "415")),
            entry("GET /api/v1/alerts/{alertId}/deliveries", Set.of("400", "401", "404", "406")),
            entry("GET /api/v1/alerts/{alertId}/audit", Set.of("400", "401", "404", "406")),
            entry("GET /api/v1/alerts/stream", Set.of("400", "401", "403", "404", "406", "429")),
            entry("POST /api/v1/subscriptions", Set.of("400", "401", "406", "415")),
            entry("GET /api/v1/subscriptions", Set.of("400", "401", "406")),
            entry("GET /api/v1/subscriptions/{id}", Set.of("400", "401", "403", "404", "406")),
            entry("DELETE /api/v1/subscriptions/{id}", Set.of("400", "401", "403", "404")),
            entry("POST /api/v1/silences", Set.of("400", "401", "406", "415")),
            entry("GET /api/v1/silences", Set.of("400", "401", "406")),
            entry("GET /api/v1/silences/{id}", Set.of("400", "401", "404", "406")),
            entry("DELETE /api/v1/silences/{id}", Set.of("400", "401", "403", "404")),
            entry("GET /api/v1/silences/{id}/audit", Set.of("400", "401", "404", "406")),
            entry("GET /api/v1/audit", Set.of("400", "401", "403", "406")),
            entry("POST /api/v1/deliveries/{deliveryId}/requeue",
                    Set.of("400", "401", "403", "404", "406", "409", "415")),
            entry("POST /api/v1/deliveries/requeue", Set.of("400", "401", "403", "404", "406", "415")),
            entry("GET /api/v1/deliveries", Set.of("400", "401", "403", "406")),
            entry("GET /api/v1/deliveries/unrelayed", Set.of("400", "401", "403", "406")),
            entry("POST /api/v1/deliveries/{deliveryId}/abandon",
                    Set.of("400", "401", "403", "404", "406", "409", "415")),
            entry("POST /api/v1/deliveries/bulk-abandon", Set.of("400", "401", "403", "406", "415")),
            entry("POST /api/v1/deliveries/bulk-requeue", Set.of("400", "401", "403", "406", "415")));

    private JsonNode doc;

    @BeforeEach
    void fetch() throws Exception {
        var response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), response.body());
        doc = Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.body()).as("no operation leaves its media type open").doesNotContain("*/*");
    }

    /** "GET /path" → the operation, for every API operation in the document. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new TreeMap<>();
        doc.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().startsWith("/api/v1/test-only")) {
                return;
            }
            path.getValue().properties().forEach(op -> out.put(op.getKey().toUpperCase() + " " + path.getKey(),
                    op.getValue()));
        });
        return out;
    }

    private JsonNode op(String key) {
        JsonNode o = operations().get(key);
        assertThat(o).as(key).isNotNull();
        return o;
    }

    @Test
    void everyOperationDocumentsItsRealSuccessStatusAndItsProblemsAsProblemJson() {
        assertThat(operations().keySet()).as("every operation is in the table").isEqualTo(SUCCESS.keySet());
        operations().forEach((key, o) -> {
            JsonNode responses = o.get("responses");
            Set<String> success = new TreeSet<>();
            Set<String> problems = new TreeSet<>();
            responses.properties().forEach(r -> {
                if (r.getKey().startsWith("2")) {
                    success.add(r.getKey());
                } else {
                    problems.add(r.getKey());
                    assertThat(names(r.getValue().get("content"))).as(key + " " + r.getKey())
                            .containsExactly("application/problem+json");
                    assertThat(r.getValue().get("content").get("application/problem+json").get("schema").get("$ref")
                            .asString()).isEqualTo("#/components/schemas/Problem");
                    assertThat(r.getValue().get("description").asString()).as(key + " " + r.getKey()).isNotBlank();
                }
            });
            assertThat(success).as(key).containsExactly(SUCCESS.get(key));
            assertThat(problems).as(key).isEqualTo(PROBLEMS.get(key));
            JsonNode ok = responses.get(SUCCESS.get(key));
            if (SUCCESS.get(key).equals("204")) {
                assertThat(ok.has("content")).as(key + ": no body").isFalse();
            } else {
                assertThat(names(ok.get("content"))).as(key).isNotEmpty().allSatisfy(type ->
                        assertThat(type).isIn("application/json", "application/cap+xml", "text/event-stream"));
            }
        });
        JsonNode problem = doc.get("components").get("schemas").get("Problem").get("properties");
        assertThat(names(problem)).contains("type", "title", "status", "detail", "problems");
    }

    @Test
    void headersMediaTypesAndRequestBodiesAreThere() {
        for (String create : List.of("POST /api/v1/subscriptions", "POST /api/v1/silences")) {
            JsonNode created = op(create).get("responses").get("201");
            assertThat(created.get("headers").has("Location")).as(create).isTrue();
            assertThat(created.get("content").get("application/json").get("schema").get("$ref").asString())
                    .as(create).endsWith(create.endsWith("subscriptions") ? "SubscriptionView" : "SilenceView");
        }
        for (String list : List.of("GET /api/v1/verdicts", "GET /api/v1/alerts", "GET /api/v1/audit",
                "GET /api/v1/deliveries", "GET /api/v1/deliveries/unrelayed")) {
            JsonNode ok = op(list).get("responses").get("200");
            assertThat(names(ok.get("headers"))).as(list).containsExactlyInAnyOrder("X-Total-Count", "Link");
            assertThat(ok.get("content").get("application/json").get("schema").get("type").asString())
                    .isEqualTo("array");
        }
        JsonNode alert = op("GET /api/v1/alerts/{alertId}").get("responses").get("200").get("content");
        assertThat(names(alert)).containsExactlyInAnyOrder("application/json", "application/cap+xml");
        assertThat(alert.get("application/json").get("schema").get("$ref").asString()).endsWith("AlertView");
        assertThat(names(op("GET /api/v1/alerts/stream").get("responses").get("200").get("content")))
                .containsExactly("text/event-stream");

        Map<String, String> bodies = Map.of(
                "POST /api/v1/subscriptions", "SubscriptionRequest",
                "POST /api/v1/silences", "SilenceRequest",
                "POST /api/v1/alerts/{alertId}/ack", "AckRequest",
                "POST /api/v1/verdicts/{incidentId}/review", "ReviewRequest",
                "POST /api/v1/deliveries/{deliveryId}/requeue", "RequeueRequest",
                "POST /api/v1/deliveries/requeue", "RequeueRequest",
                "POST /api/v1/deliveries/{deliveryId}/abandon", "AbandonRequest",
                "POST /api/v1/deliveries/bulk-abandon", "BulkRequest",
                "POST /api/v1/deliveries/bulk-requeue", "BulkRequest");
        bodies.forEach((key, schema) -> {
            JsonNode body = op(key).get("requestBody");
            assertThat(body.get("required").asBoolean()).as(key).isTrue();
            assertThat(body.get("content").get("application/json").get("schema").get("$ref").asString())
                    .as(key).isEqualTo("#/components/schemas/" + schema);
        });
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(values(schemas.get("SilenceRequest").get("required"))).containsExactlyInAnyOrder("endsAt", "reason");
        assertThat(values(schemas.get("RequeueRequest").get("required"))).containsExactly("reason");
        assertThat(values(schemas.get("AbandonRequest").get("required"))).containsExactly("reason");
        assertThat(values(schemas.get("BulkRequest").get("required"))).containsExactlyInAnyOrder("reason", "filter");
        assertThat(names(schemas.get("BulkFilterBody").get("properties"))).containsExactlyInAnyOrder("statuses",
                "channels", "subscriptionId", "target", "createdBefore", "createdAfter");
        assertThat(names(schemas.get("BulkView").get("properties"))).contains("dryRun", "matched", "limit",
                "selected", "changed", "remaining", "skippedDeletedSubscriptions", "sample");
        assertThat(values(schemas.get("SubscriptionRequest").get("required")))
                .containsExactlyInAnyOrder("name", "channel");
        assertThat(names(schemas.get("SubscriptionRequest").get("properties")))
                .contains("name", "channel", "filter", "mode", "digestInterval", "groupWait");
    }

    /**
     * The {@code webhooks} entry describes what a webhook subscriber receives: the notification with the fields the
     * published notification.schema.json names (and requires), signed with the three headers, answered with 2xx.
     */
    @Test
    void theWebhookASubscriberReceivesIsDescribed() throws Exception {
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        JsonNode post = doc.get("webhooks").get("alert").get("post");
        assertThat(post.get("requestBody").get("required").asBoolean()).isTrue();
        assertThat(post.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/Notification");
        Map<String, JsonNode> headers = new TreeMap<>();
        post.get("parameters").forEach(p -> {
            assertThat(p.get("in").asString()).isEqualTo("header");
            assertThat(p.get("required").asBoolean()).isTrue();
            assertThat(p.get("description").asString()).isNotBlank();
            headers.put(p.get("name").asString(), p);
        });
        assertThat(headers.keySet()).containsExactly("X-BorderWatch-Delivery", "X-BorderWatch-Signature",
                "X-BorderWatch-Timestamp");
        assertThat(headers.get("X-BorderWatch-Signature").get("description").asString())
                .contains("HMAC-SHA256", "timestamp", "secret");
        assertThat("sha256=" + "ab".repeat(32))
                .matches(headers.get("X-BorderWatch-Signature").get("schema").get("pattern").asString());
        assertThat(headers.get("X-BorderWatch-Delivery").get("description").asString())
                .as("receivers are told to de-duplicate on the signed body's id, not on the header")
                .contains("Not covered by the signature", "de-duplicate on the body's deliveryId");
        assertThat(names(post.get("responses"))).contains("2XX");
        assertThat(post.get("security")).as("the subscriber is not asked for this API's credentials").hasSize(1);
        assertThat(names(post.get("security").get(0))).isEmpty();

        JsonNode notification = doc.get("components").get("schemas").get("Notification");
        JsonNode published;
        try (var in = getClass().getClassLoader().getResourceAsStream("schemas/notification.schema.json")) {
            assertThat(in).as("common's notification.schema.json on the class path").isNotNull();
            published = Json.tree(in.readAllBytes());
        }
        // the published fields, the close of a withdrawn incident among them
        Set<String> expected = new TreeSet<>(names(published.get("properties")));
        assertThat(expected).contains("withdrawn");
        assertThat(new TreeSet<>(names(notification.get("properties")))).isEqualTo(expected);
        assertThat(notification.get("description").asString()).contains("withdrawn", "MERGED", "DISSOLVED");
        assertThat(new TreeSet<>(values(notification.get("required"))))
                .isEqualTo(new TreeSet<>(values(published.get("required"))));
        assertThat(notification.get("properties").get("alerts").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/Alert");
        assertThat(doc.get("components").get("schemas").has("Alert")).isTrue();

        JsonNode delivery = doc.get("components").get("schemas").get("DeliveryView").get("properties");
        assertThat(delivery.get("nextAttemptAt").get("format").asString()).isEqualTo("date-time");
        assertThat(delivery.get("nextAttemptAt").get("description").asString()).contains("DELIVERED, FAILED or ABANDONED");
    }

    /** The statements behind a verdict and the link to it are described where they appear (review finding C15). */
    @Test
    void evidenceAndTheVerdictLinkAreDescribed() {
        JsonNode schemas = doc.get("components").get("schemas");
        JsonNode alert = schemas.get("Alert").get("properties");
        assertThat(alert.get("evidence").get("description").asString()).contains("statements behind the verdict");
        assertThat(alert.get("verdictUrl").get("description").asString())
                .contains("alert.public-base-url", "/api/v1/verdicts/{incidentId}");
        assertThat(schemas.get("Assessment").get("properties").get("evidence").get("description").asString())
                .contains("statements behind the verdict");
        assertThat(alert.get("withdrawn").get("description").asString()).contains("MERGED", "DISSOLVED");
        assertThat(schemas.get("Assessment").get("properties").get("closure").get("description").asString())
                .contains("QUIET", "ASSESSED_ALONE");
        JsonNode evidence = schemas.get("Evidence").get("properties");
        assertThat(names(evidence)).contains("reportId", "revision", "source", "stance", "publishedAt", "url");
        assertThat(evidence.get("url").get("description").asString()).contains("only http(s) addresses links");
        assertThat(schemas.get("VerdictDetail").get("properties").get("history").get("description").asString())
                .contains("evidence");
    }

    /**
     * The query parameters documented for each GET operation are exactly those the server takes: a parameter it
     * does not take is refused with a 400 that lists the allowed ones, compared here with the document.
     */
    @Test
    void theDocumentedQueryParametersAreExactlyTheOnesTheServerTakes() {
        operations().forEach((key, o) -> {
            if (!key.startsWith("GET ")) {
                return;
            }
            Set<String> documented = new TreeSet<>();
            if (o.has("parameters")) {
                o.get("parameters").forEach(p -> {
                    if (p.get("in").asString().equals("query")) {
                        documented.add(p.get("name").asString());
                    }
                });
            }
            String path = key.substring(4).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            // the ADMIN-only lists as an ADMIN: STAFF is refused before the parameters are read
            String user = key.equals("GET /api/v1/audit") || key.startsWith("GET /api/v1/deliveries") ? "admin"
                    : "staff1";
            var response = call("GET", path + "?not-a-parameter=1", user, null,
                    path.endsWith("/stream") ? "text/event-stream" : "application/json");
            assertThat(response.statusCode()).as(key + ": " + response.body()).isEqualTo(400);
            String detail = Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("detail").asString();
            Set<String> allowed = new TreeSet<>();
            if (detail.contains("allowed: ")) {
                allowed.addAll(List.of(detail.substring(detail.indexOf("allowed: ") + 9).split(", ")));
            } else {
                assertThat(detail).contains("takes no query parameters");
            }
            assertThat(documented).as(key).isEqualTo(allowed);
        });
        assertThat(values(op("GET /api/v1/verdicts").get("parameters"), "name")).contains("segment", "segments",
                "occurrence", "occurrences", "severity", "severities", "minSeverity", "signal", "signals", "from",
                "to", "page", "size");
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        if (object != null) {
            object.properties().forEach(e -> out.add(e.getKey()));
        }
        return out;
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asString()));
        }
        return out;
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.get(field).asString()));
        return out;
    }
}
