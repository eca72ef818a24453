package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit read back through the API, on the real MongoDB-wire store: who created and who ended a silence (on the
 * silence, its own audit and the ADMIN audit), who subscribed and unsubscribed, who reviewed, each with its time;
 * the ADMIN audit's filters, order and paging, its refusal for STAFF and its 400 problems.
 */
class AuditIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    /** action@actor of each entry, in the order answered. */
    private static List<String> actions(JsonNode entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get("action").asString() + "@" + e.get("actor").asString()));
        return out;
    }

    private static void assertAtBetween(JsonNode entries, Instant before, Instant after) {
        entries.forEach(e -> assertThat(Instant.parse(e.get("at").asString())).as(e.toString())
                .isBetween(before.minusMillis(1), after.plusMillis(1)));
    }

    private HttpResponse<String> adminAudit(String query) {
        return get("/api/v1/audit?" + query, "admin");
    }

    @Test
    void aSilenceCreatedByStaffAndEndedByAnAdminShowsBoth() {
        Instant before = clock.instant();
        // a source of its own: the silence mutes no other test's alert
        String source = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        var created = post("/api/v1/silences", "staff1", """
                {"sources":["%s"],"endsAt":"%s","reason":"drill at the range, announced"}"""
                .formatted(source, Instant.now().plus(Duration.ofHours(2))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).get("id").asString();
        assertThat(json(created.body()).has("endedBy")).as("a running silence names nobody who ended it").isFalse();

        assertThat(call("DELETE", "/api/v1/silences/" + id, "staff2", null, null).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/silences/" + id, "admin", null, null).statusCode()).isEqualTo(204);
        Instant after = clock.instant();

        JsonNode silence = json(get("/api/v1/silences/" + id, "staff2").body());
        assertThat(silence.get("author").asString()).isEqualTo("staff1");
        assertThat(silence.get("endedBy").asString()).isEqualTo("admin");
        Instant endedAt = Instant.parse(silence.get("endedAt").asString());
        assertThat(endedAt).isBetween(before, after.plusMillis(1));
        assertThat(Instant.parse(silence.get("endsAt").asString())).isEqualTo(endedAt);
        assertThat(silence.get("active").asBoolean()).isFalse();
        JsonNode listed = null;
        for (JsonNode s : json(get("/api/v1/silences", "staff1").body())) {
            if (s.get("id").asString().equals(id)) {
                listed = s;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("endedBy").asString()).isEqualTo("admin");

        // any STAFF member reads a silence's audit (every silence is visible to STAFF), oldest first
        var own = get("/api/v1/silences/" + id + "/audit", "staff2");
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode entries = json(own.body());
        assertThat(actions(entries)).containsExactly("silence@staff1", "unsilence@admin");
        assertThat(entries.get(0).get("target").asString()).isEqualTo("silence:" + id);
        assertThat(entries.get(0).get("detail").asString()).contains("drill at the range", source);
        assertThat(Instant.parse(entries.get(1).get("at").asString())).isEqualTo(endedAt);
        assertAtBetween(entries, before, after);

        // ending it again changes nothing: still ended by the admin, no second entry
        assertThat(call("DELETE", "/api/v1/silences/" + id, "staff1", null, null).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/v1/silences/" + id, "staff1").body()).get("endedBy").asString())
                .isEqualTo("admin");
        assertThat(actions(json(get("/api/v1/silences/" + id + "/audit", "staff1").body())))
                .containsExactly("silence@staff1", "unsilence@admin");

        // the ADMIN audit: newest first, paged as the other lists
        var all = adminAudit("target=silence:" + id);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(actions(json(all.body()))).containsExactly("unsilence@admin", "silence@staff1");
        assertThat(all.headers().firstValue("X-Total-Count")).hasValue("2");
        var first = adminAudit("target=silence:" + id + "&size=1");
        assertThat(actions(json(first.body()))).containsExactly("unsilence@admin");
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(first.headers().firstValue("Link").orElseThrow())
                .contains("target=silence:" + id + "&page=1&size=1>; rel=\"next\"");
        assertThat(actions(json(adminAudit("target=silence:" + id + "&size=1&page=1").body())))
                .containsExactly("silence@staff1");

        var unknown = get("/api/v1/silences/" + UUID.randomUUID() + "/audit", "staff1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void subscriptionsAndReviewsAreAuditedWithActorAndTime() {
        Instant before = clock.instant();
        String subscription = subscribeWebhook("staff1", RECEIVER.url("/audit/" + UUID.randomUUID()),
                "{\"segments\":[\"TAVUSH\"],\"minSeverity\":\"CRITICAL\"}");
        assertThat(call("DELETE", "/api/v1/subscriptions/" + subscription, "staff1", null, null).statusCode())
                .isEqualTo(204);
        UUID incident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.LOW, Occurrence.UNVERIFIED,
                false, Fixtures.EVENT_TIME.plusYears(14)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/verdicts/" + incident, "staff1")
                .statusCode() == 200);
        assertThat(post("/api/v1/verdicts/" + incident + "/review", "staff2", """
                {"occurrence":"REFUTED","note":"the village head says nothing happened"}""").statusCode())
                .isEqualTo(200);
        Instant after = clock.instant();

        JsonNode subscriptionAudit = json(adminAudit("target=subscription:" + subscription).body());
        assertThat(actions(subscriptionAudit)).containsExactly("unsubscribe@staff1", "subscribe@staff1");
        assertAtBetween(subscriptionAudit, before, after);
        assertThat(subscriptionAudit.get(1).get("detail").asString()).contains("webhook").doesNotContain(SECRET);

        JsonNode review = json(adminAudit("target=incident:" + incident).body());
        assertThat(actions(review)).containsExactly("review@staff2");
        assertThat(review.get(0).get("detail").asString()).contains("REFUTED", "the village head says");
        assertAtBetween(review, before, after);

        // the filters together: an actor's reviews within the time range; two actions at once
        String range = "&from=" + before + "&to=" + after;
        JsonNode reviews = json(adminAudit("actor=staff2&action=review" + range).body());
        assertThat(reviews).isNotEmpty();
        reviews.forEach(e -> assertThat(e.get("action").asString() + "@" + e.get("actor").asString())
                .isEqualTo("review@staff2"));
        assertThat(reviews.toString()).contains("incident:" + incident);
        JsonNode staff1 = json(adminAudit("actor=staff1&action=subscribe,unsubscribe" + range).body());
        List<String> targets = new ArrayList<>();
        staff1.forEach(e -> targets.add(e.get("target").asString()));
        assertThat(targets).containsSubsequence("subscription:" + subscription, "subscription:" + subscription);
        assertThat(actions(staff1)).allSatisfy(a -> assertThat(a).isIn("subscribe@staff1", "unsubscribe@staff1"));
        var earlier = adminAudit("target=subscription:" + subscription + "&to=" + before.minusSeconds(1));
        assertThat(json(earlier.body())).isEmpty();
        assertThat(earlier.headers().firstValue("X-Total-Count")).hasValue("0");
    }

    @Test
    void onlyAnAdminReadsTheWholeAudit() {
        var staff = get("/api/v1/audit", "staff1");
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(staff.body()).get("type").asString()).isEqualTo("urn:borderwatch:problem:forbidden");
        assertThat(get("/api/v1/audit", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/audit", "admin").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "from=yesterday | parameter 'from' must be an ISO-8601 date-time",
            "to=2026-11-21 | parameter 'to' must be an ISO-8601 date-time",
            "from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z | parameter 'from' (2026-11-22T00:00:00Z) must not be "
                    + "after 'to'",
            "action=silenced | parameter 'action' must be one of abandon-delivery, ack, requeue-delivery, review, "
                    + "silence, subscribe",
            "action=ack,acknowledge | got 'acknowledge'",
            "target=silence | parameter 'target' must be <kind>:<id> with kind one of alert, incident, silence, "
                    + "subscription",
            "target=verdict:42 | got 'verdict:42'",
            "target=alert: | parameter 'target' must be <kind>:<id>",
            "page=-1 | page >= 0 and 1 <= size <= 500",
            "size=0 | page >= 0 and 1 <= size <= 500",
            "size=501 | page >= 0 and 1 <= size <= 500",
            "page=first | parameter 'page'",
            "actors=staff1 | parameter 'actors' is not known; allowed: action, actor, from, page, size, target, to"})
    void badParametersAreProblems(String query, String detail) {
        var response = adminAudit(query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).get("type").asString()).isEqualTo("urn:borderwatch:problem:invalid-request");
        assertThat(json(response.body()).get("detail").asString()).contains(detail);
    }
}
