package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic, roles, ownership and the SSRF guard, answered as problem+json. */
class SecurityIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Security review F8: wrong credentials are logged at WARN, once per user name and address per minute. */
    @Test
    void failedLoginsAreLoggedOnceWithTheUserNameNeverThePassword() throws Exception {
        ch.qos.logback.classic.Logger security = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.borderwatch.alert.security.SecurityConfiguration.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        security.addAppender(logs);
        String user = "guesser-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var http = java.net.http.HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 5; i++) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                + "/api/v1/alerts"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                (user + ":secret-guess-" + i).getBytes(StandardCharsets.UTF_8))).build();
                assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(401);
            }
            assertThat(call("GET", "/api/v1/alerts", null, null, "application/json").statusCode()).isEqualTo(401);

            var lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("failed login")).toList();
            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .contains("failed login for user '" + user + "' from 127.0.0.1")
                    .doesNotContain("secret-guess"));
            assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("failed login"))
                    .allMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
        } finally {
            security.detachAppender(logs);
        }
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblem() {
        var response = get("/api/v1/alerts", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).get("status").asInt()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/alerts", "nobody", null, null).statusCode()).isEqualTo(401);
        var health = get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    @Test
    void operationalEndpointsOtherThanHealthAndPrometheusNeedAdmin() {
        for (String path : new String[]{"/actuator/circuitbreakers", "/actuator/retries", "/actuator/ratelimiters",
                "/actuator/metrics"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            var staff = get(path, "staff1");
            assertThat(staff.statusCode()).as(path).isEqualTo(403);
            assertThat(json(staff.body()).get("type").asString()).isEqualTo("urn:borderwatch:problem:forbidden");
            var admin = call("GET", path, "admin", null, "*/*");
            assertThat(admin.statusCode()).as(path + " " + admin.body()).isEqualTo(200);
        }
        assertThat(call("GET", "/actuator/prometheus", null, null, "*/*").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void staffCannotDeleteAnotherStaffMembersSubscriptionButAnAdminCan() {
        String id = subscribeWebhook("staff1", RECEIVER.url("/owned"), "{}");

        var denied = call("DELETE", "/api/v1/subscriptions/" + id, "staff2", null, null);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied.body()).get("detail").asString()).contains("belongs to staff1");
        assertThat(get("/api/v1/subscriptions", "staff2").body()).doesNotContain(id);
        assertThat(get("/api/v1/subscriptions", "staff1").body()).contains(id).doesNotContain(SECRET);

        assertThat(call("DELETE", "/api/v1/subscriptions/" + id, "admin", null, null).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/subscriptions/" + id, "staff1").statusCode()).isEqualTo(404);
    }

    @Test
    void staffSeeTheDeliveriesOfTheirOwnSubscriptionsAndTheFeedNotAnotherUsersTargets() {
        String mine = "/mine/" + java.util.UUID.randomUUID();
        String theirs = "/theirs/" + java.util.UUID.randomUUID();
        String filter = "{\"segments\":[\"VAYOTS_DZOR_WEST\"],\"minSeverity\":\"CRITICAL\"}";
        String own = subscribeWebhook("staff1", RECEIVER.url(mine), filter);
        String other = subscribeWebhook("staff2", RECEIVER.url(theirs), filter);
        java.util.UUID incident = java.util.UUID.randomUUID();
        String path = "/api/v1/alerts/" + org.borderwatch.alert.lifecycle.AlertLifecycle.alertIdOf(incident)
                + "/deliveries";
        try {
            sendAssessments(org.borderwatch.alert.Fixtures.assessment(incident, 1,
                    org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_WEST,
                    org.borderwatch.common.model.Severity.CRITICAL, org.borderwatch.common.model.Occurrence.UNVERIFIED,
                    false, org.borderwatch.alert.Fixtures.EVENT_TIME.plusYears(71)));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                    get(path, "admin").body().contains(theirs) && get(path, "admin").body().contains(mine));

            String asStaff1 = get(path, "staff1").body();
            assertThat(asStaff1).contains(mine).contains(own).contains("border.alerts")
                    .doesNotContain(theirs).doesNotContain(other);
            String asStaff2 = get(path, "staff2").body();
            assertThat(asStaff2).contains(theirs).doesNotContain(mine);
            assertThat(get(path, "admin").body()).as("ADMIN sees every delivery").contains(mine).contains(theirs);
        } finally {
            call("DELETE", "/api/v1/subscriptions/" + own, "admin", null, null);
            call("DELETE", "/api/v1/subscriptions/" + other, "admin", null, null);
        }
    }

    @Test
    void onlyItsOwnerOrAnAdminMayOpenASubscriptionsLiveStreamAndNobodyElseLearnsItsChannel() {
        var created = post("/api/v1/subscriptions", "admin", """
                {"name":"admin's stream","channel":{"type":"stream"},"filter":{"segments":["TAVUSH"]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String adminStream = json(created.body()).get("id").asString();
        // a filter no other test's alert matches, and both deleted at the end: other tests count their deliveries
        String staffWebhook = subscribeWebhook("staff1", RECEIVER.url("/stream-owner"),
                "{\"segments\":[\"TAVUSH\"],\"signals\":[\"CLAIM_SURGE\"],\"occurrences\":[\"REFUTED\"]}");
        try {
            var denied = call("GET", "/api/v1/alerts/stream?subscription=" + adminStream, "staff1", null,
                    "text/event-stream");
            assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
            assertThat(json(denied.body()).get("type").asString()).isEqualTo("urn:borderwatch:problem:forbidden");
            assertThat(get("/api/v1/subscriptions/" + adminStream, "staff1").statusCode()).isEqualTo(403);

            var notYours = call("GET", "/api/v1/alerts/stream?subscription=" + staffWebhook, "staff2", null,
                    "text/event-stream");
            assertThat(notYours.statusCode()).as("not a 400 that names the channel").isEqualTo(403);
            assertThat(notYours.body()).doesNotContain("webhook");
            var own = call("GET", "/api/v1/alerts/stream?subscription=" + staffWebhook, "staff1", null,
                    "text/event-stream");
            assertThat(own.statusCode()).isEqualTo(400);
            assertThat(own.body()).contains("webhook");

            try (var sse = org.borderwatch.alert.SseClient.connect(port,
                    "/api/v1/alerts/stream?subscription=" + adminStream, "admin", null)) {
                assertThat(sse.frames()).isNotEmpty();
            }
        } finally {
            call("DELETE", "/api/v1/subscriptions/" + staffWebhook, "admin", null, null);
            call("DELETE", "/api/v1/subscriptions/" + adminStream, "admin", null, null);
        }
    }

    @Test
    void aLiveStreamsTimeoutMustBeBetweenASecondAndADay() {
        for (String timeout : new String[] {"-1", "0", "999", "86400001"}) {
            var response = call("GET", "/api/v1/alerts/stream?segments=TAVUSH&timeoutMillis=" + timeout, "staff1",
                    null, "text/event-stream");
            assertThat(response.statusCode()).as(timeout).isEqualTo(400);
            assertThat(json(response.body()).get("detail").asString()).contains("'timeoutMillis'")
                    .contains("1000").contains("86400000");
        }
    }

    @Test
    void aWebhookToAPrivateAddressIsRefusedWithAClearProblem() {
        var response = post("/api/v1/subscriptions", "staff1", """
                {"name":"internal","channel":{"type":"webhook","url":"http://10.1.2.3/hook",
                 "secret":"0123456789abcdef0"},"filter":{}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:borderwatch:problem:unsafe-webhook");
        assertThat(problem.get("title").asString()).isEqualTo("Webhook target refused");
        assertThat(problem.get("detail").asString()).contains("10.1.2.3").contains("private");

        var metadata = post("/api/v1/subscriptions", "staff1", """
                {"name":"cloud","channel":{"type":"webhook","url":"http://169.254.169.254/latest",
                 "secret":"0123456789abcdef0"}}""");
        assertThat(metadata.statusCode()).isEqualTo(400);
        var scheme = post("/api/v1/subscriptions", "staff1", """
                {"name":"file","channel":{"type":"webhook","url":"file:///etc/passwd","secret":"0123456789abcdef0"}}""");
        assertThat(json(scheme.body()).get("detail").asString()).contains("http or https");
    }

    @Test
    void invalidSubscriptionsAndSilencesListEveryProblem() {
        var response = post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"\",\"channel\":{\"type\":\"webhook\",\"url\":\"https://example.org/h\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("problems")).hasSize(2);

        var silence = post("/api/v1/silences", "staff1", "{\"segments\":[\"TAVUSH\"],\"endsAt\":\"2099-01-01T00:00:00Z\"}");
        assertThat(silence.statusCode()).isEqualTo(400);
        assertThat(silence.body()).contains("reason is mandatory").contains("at most");
    }
}
