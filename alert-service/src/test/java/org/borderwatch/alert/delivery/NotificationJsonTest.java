package org.borderwatch.alert.delivery;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification's JSON (the body of a webhook and of a partner-topic record): {@code noLongerMatching} and
 * {@code withdrawn} are left out when there are none, as common's Notification schema says.
 */
class NotificationJsonTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(
            Clock.fixed(Instant.parse("2025-03-17T09:00:00Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ZERO, Severity.HIGH));

    @Test
    void theLeaveMarksAreLeftOutWhenThereAreNoneAndListedWhenThereAre() {
        var alert = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH,
                Severity.MEDIUM, Occurrence.DISPUTED, false)).message();
        var asked = new Notification("d1", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert));
        var leaving = new Notification("d2", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert), List.of(new Notification.NoLongerMatching(
                alert.alertId(), alert.sequence(), "severity MEDIUM is below minSeverity HIGH")));

        // before the fix: "noLongerMatching": [] on every notification nothing left
        assertThat(Json.tree(Json.writeBytes(asked)).has("noLongerMatching")).isFalse();
        assertThat(Json.tree(Json.writeBytes(asked)).has("withdrawn")).isFalse();
        var marks = Json.tree(Json.writeBytes(leaving)).get("noLongerMatching");
        assertThat(marks.size()).isEqualTo(1);
        assertThat(marks.get(0).get("alertId").asString()).isEqualTo(alert.alertId().toString());
        assertThat(marks.get(0).get("sequence").asLong()).isEqualTo(alert.sequence());
        assertThat(marks.get(0).get("why").asString()).isEqualTo("severity MEDIUM is below minSeverity HIGH");
        // read back (a Kafka subscriber, the tests' receivers): absent is the empty list
        assertThat(Json.read(Json.write(asked), Notification.class).noLongerMatching()).isEmpty();
    }
}
