package org.borderwatch.alert.delivery;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.email.EmailRenderer;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.model.Assessment;
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

class EmailRendererTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(
            Clock.fixed(Instant.parse("2025-03-17T09:00:00Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ZERO, Severity.HIGH));

    @Test
    void htmlEscapesWhatTheStatementsSayAndDigestsCountTheirAlerts() {
        Assessment base = Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH, Severity.HIGH,
                Occurrence.DISPUTED, false);
        Assessment hostile = new Assessment(1, base.incidentId(), 1, base.segment(), base.window(), base.occurrence(),
                base.attribution(), base.confidence(), base.actingParty(), base.eventTypes(), base.reportIds(),
                base.casualties(), base.severity(), base.signals(), false,
                List.of("<script>alert('x')</script> & more"), base.asOf(), base.sources());
        var alert = lifecycle.onAssessment(null, hostile).message();
        var single = new Notification("d1", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert));
        var digest = new Notification("d2", "s", "desk", "g", DeliveryMode.DIGEST,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert, alert));

        assertThat(EmailRenderer.html(single)).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(EmailRenderer.text(single)).contains("<script>alert('x')</script> & more").contains("d1");
        assertThat(EmailRenderer.subject(single)).isEqualTo("[BorderWatch] FIRED: " + alert.summary());
        assertThat(EmailRenderer.subject(digest)).isEqualTo("[BorderWatch] digest, 2 alerts");
        var oneDigest = new Notification("d3", "s", "desk", "g", DeliveryMode.DIGEST,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert));
        assertThat(EmailRenderer.subject(oneDigest)).isEqualTo("[BorderWatch] digest, 1 alert — FIRED: " + alert.summary());
        var grouped = new Notification("d4", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert, alert));
        assertThat(EmailRenderer.subject(grouped)).isEqualTo("[BorderWatch] 2 alerts");
    }
}
