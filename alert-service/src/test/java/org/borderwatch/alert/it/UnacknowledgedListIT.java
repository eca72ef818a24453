package org.borderwatch.alert.it;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/alerts?acknowledged=false}, the list of what nobody has acknowledged yet, through the REST API
 * on the real store: filtered in the query (with the other filters and the paging, so no page comes out short), a
 * material update after an acknowledgement puts the alert back on it, an alert stored before the list filtered on
 * acknowledgements (with an acknowledgement that named no message) is completed at start-up as its view reads it.
 */
class UnacknowledgedListIT extends AlertServiceITSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AlertStore alertStore;

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The incidents of the answer, in order, for the window of this test's alerts only. */
    private List<UUID> incidents(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<UUID> out = new ArrayList<>();
        json(response.body()).forEach(a -> out.add(UUID.fromString(a.get("incidentId").asString())));
        return out;
    }

    @Test
    void theUnacknowledgedListShowsWhatNobodyAcknowledgedAndAMaterialUpdatePutsAnAlertBackOnIt() {
        OffsetDateTime t = Fixtures.EVENT_TIME.plusYears(23);
        String window = "from=" + t.minusMinutes(1).toInstant() + "&to=" + t.plusHours(3).toInstant();
        UUID quiet = UUID.randomUUID();
        UUID acked = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(quiet, 1, BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.DISPUTED,
                        false, t),
                Fixtures.assessment(acked, 1, BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.DISPUTED, false,
                        t.plusHours(1)),
                Fixtures.assessment(third, 1, BorderSegment.ARARAT, Severity.LOW, Occurrence.UNVERIFIED, false,
                        t.plusHours(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(get("/api/v1/alerts?" + window, "staff1"))
                .size() == 3);
        String ackedId = AlertLifecycle.alertIdOf(acked).toString();
        assertThat(post("/api/v1/alerts/" + ackedId + "/ack", "staff1", "{\"comment\":\"seen\"}").statusCode())
                .isEqualTo(200);

        assertThat(incidents(get("/api/v1/alerts?acknowledged=false&segment=TAVUSH&" + window, "staff1")))
                .containsExactly(quiet);
        assertThat(incidents(get("/api/v1/alerts?acknowledged=true&" + window, "staff1"))).containsExactly(acked);
        // paged in the query: two unacknowledged alerts, one per page, none short, the total counting only them
        var first = get("/api/v1/alerts?acknowledged=false&size=1&" + window, "staff1");
        var second = get("/api/v1/alerts?acknowledged=false&size=1&page=1&" + window, "staff1");
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("2");
        List<UUID> both = new ArrayList<>(incidents(first));
        both.addAll(incidents(second));
        assertThat(both).containsExactlyInAnyOrder(quiet, third);

        // a material update (DISPUTED -> CONFIRMED, severity up) of the acknowledged alert: nobody saw it yet
        sendAssessments(Fixtures.assessment(acked, 2, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.CONFIRMED,
                false, t.plusHours(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/v1/alerts/" + ackedId, "staff1").body())
                .get("sequence").asLong() == 2);
        assertThat(incidents(get("/api/v1/alerts?acknowledged=false&segment=TAVUSH&" + window, "staff1")))
                .containsExactlyInAnyOrder(quiet, acked);
        assertThat(incidents(get("/api/v1/alerts?acknowledged=true&" + window, "staff1"))).isEmpty();

        // an alert stored before the field, its acknowledgement naming no message: read as the message current then
        String quietId = AlertLifecycle.alertIdOf(quiet).toString();
        assertThat(post("/api/v1/alerts/" + quietId + "/ack", "staff2", "{\"comment\":\"on it\"}").statusCode())
                .isEqualTo(200);
        mongo.getCollection("alerts").updateOne(Filters.eq("_id", quietId),
                Updates.combine(Updates.unset("acknowledged"), Updates.unset("acks.0.sequence")));
        assertThat(incidents(get("/api/v1/alerts?acknowledged=true&" + window, "staff1"))).isEmpty();
        assertThat(alertStore.backfillAcknowledged()).isEqualTo(1);
        assertThat(alertStore.backfillAcknowledged()).as("once").isZero();
        assertThat(json(get("/api/v1/alerts/" + quietId, "staff1").body()).get("acknowledged").asBoolean())
                .isTrue();
        assertThat(incidents(get("/api/v1/alerts?acknowledged=true&" + window, "staff1"))).containsExactly(quiet);
        assertThat(incidents(get("/api/v1/alerts?acknowledged=false&" + window, "staff1")))
                .containsExactlyInAnyOrder(acked, third);
    }

    @Test
    void anAcknowledgedValueOtherThanTrueOrFalseIsA400Problem() {
        for (String bad : List.of("maybe", "yes", "1", "true,false")) {
            var response = get("/api/v1/alerts?acknowledged=" + bad, "staff1");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:borderwatch:problem:invalid-request");
            assertThat(problem.get("detail").asString()).contains("parameter 'acknowledged' must be true or false")
                    .contains("got '" + bad + "'");
        }
        var repeated = get("/api/v1/alerts?acknowledged=true&acknowledged=false", "staff1");
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/alerts?acknowledgd=false", "staff1").statusCode()).as("still strict").isEqualTo(400);
    }
}
