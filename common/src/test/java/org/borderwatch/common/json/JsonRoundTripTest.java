package org.borderwatch.common.json;

import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.borderwatch.common.model.TimeWindow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRoundTripTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2025-03-16T10:40:00+04:00");

    static IncidentReport denial() {
        return IncidentReport.builder()
                .reportId(Uuids.reportId("am-mod", "am-mod-17"))
                .sourceRef("am-mod-17")
                .source(new Source("am-mod", "Ministry of Defence of Armenia", SourceKind.PARTY_OFFICIAL, Party.AM))
                .stance(Stance.DENIAL)
                .actingParty(Party.AM)
                .eventTypes(EventType.SMALL_ARMS_FIRE)
                .location(new Location(List.of(BorderSegment.SYUNIK_EAST, BorderSegment.GEGHARKUNIK), false,
                        null, "Syunik and Gegharkunik", null, null))
                .occurredAt(T)
                .occurredUntil(T.plusHours(1))
                .timePrecision(TimePrecision.HOUR)
                .publishedAt(T.plusHours(3))
                .receivedAt(T.plusHours(3).plusSeconds(5))
                .casualties(new Casualties(0, 1, Party.AM))
                .answers(new Answers(List.of(), Party.AZ, T, T.plusHours(1), List.of(BorderSegment.SYUNIK_EAST)))
                .coverage(new Coverage(T.minusDays(1), T, List.of(BorderSegment.GEGHARKUNIK)))
                .text("The claim does not correspond to reality.")
                .language("en")
                .url("https://example.org/statement")
                .build();
    }

    @Test
    void reportSurvivesARoundTripWithOffsetsKept() {
        IncidentReport report = denial();

        String json = Json.write(report);
        IncidentReport back = Json.read(json, IncidentReport.class);

        assertThat(back).isEqualTo(report);
        assertThat(json).contains("\"occurredAt\":\"2025-03-16T10:40:00+04:00\"");
        assertThat(back.occurredAt().getOffset().getTotalSeconds()).isEqualTo(4 * 3600);
    }

    @Test
    void fieldNamesAreTheContract() {
        JsonNode tree = Json.mapper().valueToTree(denial());

        assertThat(tree.propertyNames()).contains("schemaVersion", "reportId", "sourceRef", "revision", "source",
                "stance", "actingParty", "eventTypes", "location", "occurredAt", "occurredUntil", "timePrecision",
                "publishedAt", "receivedAt", "casualties", "answers", "coverage", "retaliation", "text", "language",
                "url");
        assertThat(tree.get("location").propertyNames())
                .containsExactlyInAnyOrder("segments", "ambiguous", "text");
        assertThat(tree.get("source").propertyNames()).containsExactlyInAnyOrder("id", "name", "kind", "party");
        assertThat(tree.get("stance").asString()).isEqualTo("DENIAL");
    }

    @Test
    void unknownFieldsAreToleratedAndMissingOptionalsDefaulted() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/report-valid.json")) {
            IncidentReport report = Json.read(in.readAllBytes(), IncidentReport.class);

            assertThat(report.location().segments()).containsExactly(BorderSegment.GEGHARKUNIK);
            assertThat(report.casualties()).isNull();
            assertThat(report.revision()).isEqualTo(1);
        }
    }

    @Test
    void nullFieldsAreLeftOut() {
        IncidentReport minimal = IncidentReport.builder()
                .reportId(UUID.randomUUID())
                .source(new Source("x", null, SourceKind.OTHER, null))
                .publishedAt(T)
                .build();

        String json = Json.write(minimal);

        assertThat(json).doesNotContain("null").doesNotContain("casualties");
        assertThat(Json.read(json, IncidentReport.class)).isEqualTo(minimal);
    }

    @Test
    void assessmentAndAlertRoundTrip() {
        UUID incident = Uuids.incidentId("GEGHARKUNIK", UUID.randomUUID());
        Assessment assessment = new Assessment(1, incident, 3, BorderSegment.GEGHARKUNIK,
                new TimeWindow(T, T.plusHours(2)), Occurrence.REFUTED, Attribution.CONTESTED, 0.8, Party.AM,
                List.of(EventType.SMALL_ARMS_FIRE),
                Map.of(Stance.CLAIM, List.of(UUID.randomUUID()), Stance.REFUTATION, List.of(UUID.randomUUID())),
                List.of(new Casualties(0, 0, Party.AZ)), Severity.MEDIUM,
                List.of(new Signal(SignalType.UNCORROBORATED_SURGE, List.of(UUID.randomUUID()), "12 claims in 7 days")),
                false, List.of("EUMA observed no incidents on 16–17 March."), T.plusDays(1),
                List.of("am-mod", "az-mod", "euma"));
        Alert alert = new Alert(1, UUID.randomUUID(), incident, 2, 3, AlertEvent.UPDATED, AlertStatus.FIRING,
                BorderSegment.GEGHARKUNIK, Severity.MEDIUM, Occurrence.REFUTED, Attribution.CONTESTED,
                List.of(SignalType.UNCORROBORATED_SURGE), assessment.window(), assessment.casualties(), "refuted",
                assessment.rationale(), new Review(Occurrence.REFUTED, null, "agree", "staff", T.plusDays(2)),
                T.plusDays(1));

        assertThat(Json.read(Json.write(assessment), Assessment.class)).isEqualTo(assessment);
        assertThat(Json.read(Json.write(alert), Alert.class)).isEqualTo(alert);
        assertThat(new JsonCodec<>(Assessment.class).decode(new JsonCodec<>(Assessment.class).encode(assessment)))
                .isEqualTo(assessment);
    }

    @Test
    void mapEntriesAreWrittenInKeyOrderSoEqualValuesGiveEqualBytes() {
        UUID claim = UUID.fromString("00000000-0000-5000-8000-000000000001");
        UUID denial = UUID.fromString("00000000-0000-5000-8000-000000000002");
        UUID refutation = UUID.fromString("00000000-0000-5000-8000-000000000003");
        Assessment assessment = new Assessment(1, UUID.randomUUID(), 1, BorderSegment.SYUNIK_EAST,
                new TimeWindow(T, T), Occurrence.REFUTED, Attribution.CONTESTED, 0.7, Party.AM, null,
                Map.of(Stance.REFUTATION, List.of(refutation), Stance.DENIAL, List.of(denial),
                        Stance.CLAIM, List.of(claim)),
                null, Severity.MEDIUM, null, false, null, T, null);

        String json = Json.write(assessment);

        assertThat(json.indexOf("\"CLAIM\"")).isLessThan(json.indexOf("\"DENIAL\""));
        assertThat(json.indexOf("\"DENIAL\"")).isLessThan(json.indexOf("\"REFUTATION\""));
    }

    @Test
    void badInputFailsWithAReadableMessage() {
        assertThatThrownBy(() -> Json.read("{\"reportId\": \"not-a-uuid\"}", IncidentReport.class))
                .isInstanceOf(JsonReadException.class)
                .hasMessageContaining("IncidentReport")
                .hasMessageContaining("reportId");
        assertThatThrownBy(() -> Json.read("{\"schemaVersion\": 1}", IncidentReport.class))
                .isInstanceOf(JsonReadException.class)
                .hasMessageContaining("reportId");
        assertThatThrownBy(() -> Json.read("{not json", IncidentReport.class))
                .isInstanceOf(JsonReadException.class);
    }
}
