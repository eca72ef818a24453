package org.borderwatch.common.schema;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Closure;
import org.borderwatch.common.model.ClosureReason;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.TimeWindow;
import org.borderwatch.common.model.Withdrawn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The machine-readable closure of an assessment (why its incident closed), the withdrawn mark of an alert and of a
 * notification: what the mapper writes matches the schemas, reads back equal, and a closure that contradicts itself
 * is refused by the model and by the schema with a message naming the field.
 */
class ClosureContractTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2025-03-16T10:40:00+04:00");
    private static final UUID SURVIVOR = UUID.fromString("0b7c6a52-3f43-4a43-9d55-2b1f5e3c9a10");

    private static Assessment closed(Closure closure) {
        return new Assessment(1, UUID.randomUUID(), 4, BorderSegment.TAVUSH, new TimeWindow(T, T),
                Occurrence.DISPUTED, null, 0.5, null, null, null, null, Severity.MEDIUM, null, true,
                List.of("a claim and a denial", "Closed: no new reports for 7 days."), T.plusDays(8), List.of("az-mod"),
                List.of(), closure);
    }

    static Stream<Arguments> closures() {
        return Stream.of(Arguments.of(Closure.QUIET, "{\"reason\":\"QUIET\"}"),
                Arguments.of(Closure.DISSOLVED, "{\"reason\":\"DISSOLVED\"}"),
                Arguments.of(Closure.ASSESSED_ALONE, "{\"reason\":\"ASSESSED_ALONE\"}"),
                Arguments.of(Closure.mergedInto(SURVIVOR),
                        "{\"reason\":\"MERGED\",\"mergedInto\":\"" + SURVIVOR + "\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closures")
    void aClosedVersionCarriesItsClosureWhichMatchesTheSchemaAndReadsBack(Closure closure, String written) {
        Assessment a = closed(closure);
        String json = Json.write(a);

        assertThat(json).contains("\"closure\":" + written);
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, json)).isEmpty();
        assertThat(Json.read(json, Assessment.class)).isEqualTo(a);
        assertThat(Json.read(json, Assessment.class).closure().withdrawn()).isEqualTo(
                closure.reason() == ClosureReason.MERGED || closure.reason() == ClosureReason.DISSOLVED);
    }

    @Test
    void anOpenVersionAndAnOlderProducersClosedOneHaveNoClosure() {
        Assessment older = closed(null);
        String json = Json.write(older);
        assertThat(json).doesNotContain("closure");
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, json)).isEmpty();
        assertThat(Json.read(json, Assessment.class).closure()).isNull();
        assertThat(older.withClosure(Closure.QUIET).closure()).isEqualTo(Closure.QUIET);

        assertThatThrownBy(() -> new Assessment(1, UUID.randomUUID(), 1, BorderSegment.TAVUSH, new TimeWindow(T, T),
                Occurrence.UNVERIFIED, null, 0.5, null, null, null, null, Severity.LOW, null, false, List.of(), T,
                List.of(), List.of(), Closure.QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open assessment");
    }

    @Test
    void theSchemaRefusesAClosureOnAnOpenVersionAndAMergeThatNamesNoIncident() {
        String merged = Json.write(closed(Closure.mergedInto(SURVIVOR)));

        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, merged.replace("\"closed\":true", "\"closed\":false")))
                .as("a closure on an open version").anySatisfy(v -> {
                    assertThat(v.path()).isEqualTo("/closed");
                    assertThat(v.toString()).contains("true");
                });
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, merged.replace(",\"mergedInto\":\"" + SURVIVOR + "\"",
                ""))).as("MERGED without mergedInto").anySatisfy(v -> {
                    assertThat(v.path()).isEqualTo("/closure/mergedInto");
                    assertThat(v.message()).contains("mergedInto");
                });
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, merged.replace("\"MERGED\"", "\"DISSOLVED\"")))
                .as("mergedInto on anything but MERGED").extracting(JsonSchemas.Violation::path)
                .contains("/closure/mergedInto");
        assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, merged.replace("\"MERGED\"", "\"GONE\"")))
                .extracting(JsonSchemas.Violation::path).contains("/closure/reason");

        assertThatThrownBy(() -> new Closure(ClosureReason.MERGED, null)).hasMessageContaining("mergedInto");
        assertThatThrownBy(() -> new Closure(ClosureReason.QUIET, SURVIVOR)).hasMessageContaining("mergedInto");
    }

    private static Alert resolved() {
        return new Alert(1, UUID.randomUUID(), UUID.randomUUID(), 3, 4, AlertEvent.RESOLVED, AlertStatus.RESOLVED,
                BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.DISPUTED, null, null, new TimeWindow(T, T), null,
                "closed", null, null, T, List.of("incident closed"));
    }

    @Test
    void anAlertClosingAWithdrawnIncidentCarriesTheMark() {
        Alert merged = resolved().withWithdrawn(Withdrawn.of(Closure.mergedInto(SURVIVOR)).orElseThrow());
        String json = Json.write(merged);
        assertThat(json).contains("\"withdrawn\":{\"kind\":\"MERGED\",\"mergedInto\":\"" + SURVIVOR + "\"}");
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, json)).isEmpty();
        assertThat(Json.read(json, Alert.class)).isEqualTo(merged);
        assertThat(merged.withChanges(List.of("x")).withdrawn()).as("kept by withChanges").isEqualTo(merged.withdrawn());

        Alert dissolved = resolved().withWithdrawn(Withdrawn.of(Closure.DISSOLVED).orElseThrow());
        assertThat(Json.write(dissolved)).contains("\"withdrawn\":{\"kind\":\"DISSOLVED\"}");
        assertThat(Withdrawn.of(Closure.QUIET)).isEmpty();
        assertThat(Withdrawn.of(Closure.ASSESSED_ALONE)).isEmpty();
        assertThat(Withdrawn.of(null)).isEmpty();
        assertThat(Json.write(resolved())).doesNotContain("\"withdrawn\"");

        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, json.replace("\"kind\":\"MERGED\"", "\"kind\":\"QUIET\"")))
                .extracting(JsonSchemas.Violation::path).contains("/withdrawn/kind");
    }

    @Test
    void aNotificationListsTheMessagesThatCloseAWithdrawnIncident() {
        Alert alert = resolved();
        String notification = "{\"deliveryId\":\"d-1\",\"subscriptionId\":\"s-1\",\"mode\":\"IMMEDIATE\","
                + "\"sentAt\":\"2025-03-17T09:00:00Z\",\"alerts\":[" + Json.write(alert) + "],"
                + "\"withdrawn\":[{\"alertId\":\"" + alert.alertId() + "\",\"sequence\":3,\"kind\":\"MERGED\","
                + "\"mergedInto\":\"" + SURVIVOR + "\",\"why\":\"Merged into incident " + SURVIVOR + ": bridged.\"}]}";

        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification)).isEmpty();
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification.replace("\"kind\":\"MERGED\",", "")))
                .as("a withdrawn mark says how").anySatisfy(v -> assertThat(v.path()).isEqualTo("/withdrawn/0/kind"));
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification.replace("\"sequence\":3", "\"sequence\":0")))
                .extracting(JsonSchemas.Violation::path).contains("/withdrawn/0/sequence");
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, notification.replace("\"MERGED\"", "\"RESOLVED\"")))
                .extracting(JsonSchemas.Violation::path).contains("/withdrawn/0/kind");
    }
}
