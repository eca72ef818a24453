package org.borderwatch.common.schema;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemasTest {

    static String validReport() throws IOException {
        try (InputStream in = JsonSchemasTest.class.getResourceAsStream("/examples/report-valid.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aValidReportPasses() throws IOException {
        assertThat(JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, validReport())).isEmpty();
    }

    static Stream<Arguments> brokenReports() {
        return Stream.of(
                Arguments.of("unknown segment", "\"GEGHARKUNIK\"]", "\"NOWHERE\"]", "/location/segments/0"),
                Arguments.of("time without offset", "\"occurredAt\": \"2025-03-16T10:40:00+04:00\"",
                        "\"occurredAt\": \"2025-03-16T10:40:00\"", "/occurredAt"),
                Arguments.of("unknown stance", "\"stance\": \"CLAIM\"", "\"stance\": \"ACCUSATION\"", "/stance"),
                Arguments.of("reportId not a uuid", "\"0b6e8f7c-3a52-5b7e-9d0e-1f2a3b4c5d6e\"", "\"42\"", "/reportId"),
                Arguments.of("an event type repeated", "\"eventTypes\": [\"SMALL_ARMS_FIRE\"]",
                        "\"eventTypes\": [\"SMALL_ARMS_FIRE\", \"SMALL_ARMS_FIRE\"]", "/eventTypes"),
                Arguments.of("negative casualties", "\"retaliation\": false",
                        "\"casualties\": {\"killed\": -1}, \"retaliation\": false", "/casualties/killed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReports")
    void aBrokenReportFailsNamingTheField(String name, String replace, String with, String path) throws IOException {
        String broken = validReport().replace(replace, with);
        assertThat(broken).isNotEqualTo(validReport());

        List<JsonSchemas.Violation> violations = JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, broken);

        assertThat(violations).isNotEmpty();
        assertThat(violations).anySatisfy(v -> {
            assertThat(v.path().replace("$", "").replace('.', '/').replaceAll("\\[(\\d+)]", "/$1")).isEqualTo(path);
            assertThat(v.toString()).isNotBlank();
        });
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() throws IOException {
        String broken = validReport().replace("\"publishedAt\"", "\"publishedOn\"");

        assertThat(JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, broken))
                .anySatisfy(v -> {
                    assertThat(v.path()).isEqualTo("/publishedAt");
                    assertThat(v.toString()).startsWith("/publishedAt: ").contains("publishedAt");
                });
        String noKind = validReport().replaceFirst("\"kind\"\\s*:\\s*\"[A-Z_]+\",?", "");
        assertThat(noKind).isNotEqualTo(validReport());
        assertThat(JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, noKind))
                .as("nested").extracting(JsonSchemas.Violation::path).contains("/source/kind");
    }

    @Test
    void canonicalInputIsAReportThatMayLeaveOutTheIdIngestComputes() throws IOException {
        String withoutId = validReport().replaceFirst("\"reportId\"\\s*:\\s*\"[0-9a-f-]+\",?", "");
        assertThat(withoutId).isNotEqualTo(validReport()).doesNotContain("reportId");

        assertThat(JsonSchemas.validate(JsonSchemas.CANONICAL_INPUT, withoutId)).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, withoutId))
                .extracting(JsonSchemas.Violation::path).containsExactly("/reportId");
        assertThat(JsonSchemas.validate(JsonSchemas.CANONICAL_INPUT, validReport())).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.CANONICAL_INPUT, withoutId.replace("\"stance\": \"CLAIM\"",
                "\"stance\": \"ACCUSATION\""))).extracting(JsonSchemas.Violation::path).containsExactly("/stance");
    }

    @Test
    void malformedJsonIsOneViolationNotAnException() {
        assertThat(JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, "{\"reportId\": "))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("not parseable as JSON"));
    }

    @Test
    void whatTheMapperWritesMatchesTheSchemas() {
        OffsetDateTime t = OffsetDateTime.parse("2024-02-13T06:00:00+04:00");
        Assessment assessment = new Assessment(1, UUID.randomUUID(), 1, BorderSegment.SYUNIK_EAST,
                new TimeWindow(t, t), Occurrence.UNVERIFIED, null, 0.5, null, null, null, null, Severity.LOW,
                null, false, List.of("one claim, no answer yet"), t, List.of("az-mod"));
        Alert alert = new Alert(1, UUID.randomUUID(), assessment.incidentId(), 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.SYUNIK_EAST, Severity.LOW, Occurrence.UNVERIFIED, null, null,
                assessment.window(), null, "one claim", null, null, t);

        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, Json.write(assessment))).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, Json.write(alert))).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, Json.write(alert))).isNotEmpty();
    }

    @Test
    void aNotificationWrapsAlertsThatFollowTheAlertSchema() {
        OffsetDateTime t = OffsetDateTime.parse("2024-02-13T06:00:00+04:00");
        Alert alert = new Alert(1, UUID.randomUUID(), UUID.randomUUID(), 2, 3, AlertEvent.UPDATED,
                AlertStatus.FIRING, BorderSegment.SYUNIK_EAST, Severity.HIGH, Occurrence.DISPUTED, null, null,
                new TimeWindow(t, t), null, "a claim and a denial", null, null, t);
        String alertJson = Json.write(alert);
        String notification = "{\"deliveryId\":\"d-1\",\"subscriptionId\":\"s-1\",\"subscriptionName\":\"desk\","
                + "\"groupKey\":\"s-1|SYUNIK_EAST\",\"mode\":\"IMMEDIATE\",\"sentAt\":\"2024-02-13T02:00:05Z\","
                + "\"alerts\":[" + alertJson + "]}";

        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification)).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification.replace("\"IMMEDIATE\"", "\"SOON\"")))
                .anySatisfy(v -> assertThat(v.path()).contains("mode"));
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification.replace(alertJson, "")))
                .as("a notification without alerts").anySatisfy(v -> assertThat(v.path()).contains("alerts"));
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION,
                notification.replace("\"severity\":\"HIGH\"", "\"severity\":\"URGENT\"")))
                .as("the alerts inside follow the Alert schema")
                .anySatisfy(v -> assertThat(v.path()).contains("alerts").contains("severity"));

        String leaving = notification.substring(0, notification.length() - 1) + ",\"noLongerMatching\":[{\"alertId\":\""
                + alert.alertId() + "\",\"sequence\":3,\"why\":\"severity MEDIUM is below minSeverity HIGH\"}]}";
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, leaving)).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, leaving.replace(",\"why\":\"severity MEDIUM is below minSeverity HIGH\"", "")))
                .as("a leave mark says why").anySatisfy(v -> assertThat(v.message()).contains("why"));
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, leaving.replace("\"sequence\":3", "\"sequence\":0")))
                .anySatisfy(v -> assertThat(v.path()).contains("noLongerMatching"));
    }

    @Test
    void aStreamedAlertMayCarryItsLeaveMark() {
        OffsetDateTime t = OffsetDateTime.parse("2024-02-13T06:00:00+04:00");
        Alert alert = new Alert(1, UUID.randomUUID(), UUID.randomUUID(), 2, 3, AlertEvent.UPDATED,
                AlertStatus.FIRING, BorderSegment.SYUNIK_EAST, Severity.MEDIUM, Occurrence.DISPUTED, null, null,
                new TimeWindow(t, t), null, "a claim and a denial", null, null, t);
        String json = Json.write(alert);
        String marked = json.substring(0, json.length() - 1) + ",\"noLongerMatching\":{\"alertId\":\""
                + alert.alertId() + "\",\"sequence\":3,\"why\":\"severity MEDIUM is below minSeverity HIGH\"}}";

        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, marked)).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, marked.replace(",\"why\":\"severity MEDIUM is below minSeverity HIGH\"", "")))
                .as("a leave mark says why").extracting(JsonSchemas.Violation::path).contains("/noLongerMatching/why");
    }

    @Test
    void anUpdateSaysWhatChangedAndTheFirstMessageLeavesChangesOut() {
        OffsetDateTime t = OffsetDateTime.parse("2024-02-13T06:00:00+04:00");
        Alert fired = new Alert(1, UUID.randomUUID(), UUID.randomUUID(), 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.DISPUTED, null, null,
                new TimeWindow(t, t), null, "a claim and a denial", null, null, t);
        Alert updated = new Alert(1, fired.alertId(), fired.incidentId(), 2, 2, AlertEvent.UPDATED,
                AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.REFUTED, null, null,
                new TimeWindow(t, t), null, "refuted by an observer", null, null, t,
                List.of("occurrence DISPUTED -> REFUTED", "new signal UNCORROBORATED_SURGE"));

        assertThat(fired.changes()).isEmpty();
        assertThat(Json.write(fired)).doesNotContain("changes");
        String json = Json.write(updated);
        assertThat(json).contains("\"changes\":[\"occurrence DISPUTED -> REFUTED\",\"new signal UNCORROBORATED_SURGE\"]");
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, json)).isEmpty();
        assertThat(Json.read(json, Alert.class)).isEqualTo(updated);
        assertThat(Json.read(Json.write(fired), Alert.class).changes()).isEmpty();

        assertThat(JsonSchemas.validate(JsonSchemas.ALERT,
                json.replace("\"changes\":[\"occurrence DISPUTED -> REFUTED\"", "\"changes\":[3")))
                .as("a change is a string").extracting(JsonSchemas.Violation::path).contains("/changes/0");
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT,
                json.replace("\"changes\":[\"occurrence DISPUTED -> REFUTED\",\"new signal UNCORROBORATED_SURGE\"]",
                        "\"changes\":\"occurrence DISPUTED -> REFUTED\"")))
                .as("changes is a list").extracting(JsonSchemas.Violation::path).contains("/changes");
    }

    @Test
    void theStatementsBehindAVerdictTravelWithTheAssessmentAndTheAlert() {
        OffsetDateTime t = OffsetDateTime.parse("2025-03-16T10:40:00+04:00");
        Evidence claim = new Evidence(UUID.randomUUID(), 1,
                new Source("az-mod", "Ministry of Defence of Azerbaijan", SourceKind.PARTY_OFFICIAL, Party.AZ),
                Stance.CLAIM, t, "https://example.org/az/claim");
        Evidence denial = new Evidence(UUID.randomUUID(), 2,
                new Source("am-mod", "Ministry of Defence of Armenia", SourceKind.PARTY_OFFICIAL, Party.AM),
                Stance.DENIAL, t.plusHours(1), " ");
        Assessment assessment = new Assessment(1, UUID.randomUUID(), 2, BorderSegment.SYUNIK_EAST,
                new TimeWindow(t, t), Occurrence.DISPUTED, null, 0.5, null, null, null, null, Severity.MEDIUM,
                null, false, List.of("a claim and a denial"), t.plusHours(1), List.of("am-mod", "az-mod"),
                List.of(claim, denial));
        Alert alert = new Alert(1, UUID.randomUUID(), assessment.incidentId(), 1, 2, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.SYUNIK_EAST, Severity.MEDIUM, Occurrence.DISPUTED, null, null,
                assessment.window(), null, "a claim and a denial", null, null, t)
                .withEvidence(assessment.evidence(), "https://borderwatch.example/api/v1/verdicts/"
                        + assessment.incidentId());

        String assessmentJson = Json.write(assessment);
        String alertJson = Json.write(alert);
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, assessmentJson)).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, alertJson)).isEmpty();
        assertThat(Json.read(assessmentJson, Assessment.class)).isEqualTo(assessment);
        assertThat(Json.read(alertJson, Alert.class)).isEqualTo(alert);
        assertThat(denial.url()).as("a blank URL is no URL").isNull();
        assertThat(assessmentJson).contains("\"url\":\"https://example.org/az/claim\"")
                .containsOnlyOnce("\"url\"");
        assertThat(alert.withChanges(List.of("occurrence UNVERIFIED -> DISPUTED")).evidence())
                .as("changes keep the evidence").containsExactly(claim, denial);

        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, assessmentJson.replace("\"stance\":\"DENIAL\"",
                "\"stance\":\"DENIED\""))).extracting(JsonSchemas.Violation::path).contains("/evidence/1/stance");
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, alertJson.replace("\"reportId\":\"" + claim.reportId()
                + "\",", ""))).as("evidence names its report").anySatisfy(v -> assertThat(v.path()).contains("/evidence/0"));

        Assessment without = new Assessment(1, assessment.incidentId(), 1, BorderSegment.SYUNIK_EAST,
                new TimeWindow(t, t), Occurrence.UNVERIFIED, null, 0.5, null, null, null, null, Severity.LOW,
                null, false, List.of("one claim"), t, List.of("az-mod"));
        assertThat(Json.write(without)).doesNotContain("evidence");
        Alert plain = new Alert(1, alert.alertId(), alert.incidentId(), 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.SYUNIK_EAST, Severity.LOW, Occurrence.UNVERIFIED, null, null,
                without.window(), null, "one claim", null, null, t);
        assertThat(Json.write(plain))
                .doesNotContain("evidence").doesNotContain("verdictUrl");
    }

    @Test
    void anUnknownSchemaIsAProgrammingError() {
        assertThatThrownBy(() -> JsonSchemas.validate("nope.schema.json", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
