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

        assertThat(EmailRenderer.html(single)).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(EmailRenderer.text(single)).contains("<script>alert('x')</script> & more").contains("d1");
        assertThat(EmailRenderer.subject(single)).isEqualTo("[BorderWatch] FIRED: " + alert.summary());
        assertThat(EmailRenderer.subject(digest))
                .isEqualTo("[BorderWatch] digest, 1 incident (2 messages) — most severe FIRED: " + alert.summary());
        var oneDigest = new Notification("d3", "s", "desk", "g", DeliveryMode.DIGEST,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert));
        assertThat(EmailRenderer.subject(oneDigest))
                .isEqualTo("[BorderWatch] digest, 1 incident — FIRED: " + alert.summary());
        var grouped = new Notification("d4", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert, alert));
        assertThat(EmailRenderer.subject(grouped))
                .isEqualTo("[BorderWatch] 1 incident (2 messages) — most severe FIRED: " + alert.summary());
    }

    @Test
    void severalIncidentsAreCountedAsIncidentsMostSevereFirstWithTheAlertIdToAcknowledge() {
        var low = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH,
                Severity.LOW, Occurrence.DISPUTED, false)).message();
        var critical = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1,
                BorderSegment.GEGHARKUNIK, Severity.CRITICAL, Occurrence.CONFIRMED, false)).message();
        var high = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH,
                Severity.HIGH, Occurrence.DISPUTED, false)).message();
        var grouped = new Notification("d5", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(low, critical, high, low));

        assertThat(EmailRenderer.subject(grouped))
                .isEqualTo("[BorderWatch] 3 incidents (4 messages) — most severe FIRED: " + critical.summary());
        String text = EmailRenderer.text(grouped);
        assertThat(text.indexOf(critical.summary())).isLessThan(text.indexOf(high.summary()));
        assertThat(text.indexOf(high.summary())).isLessThan(text.indexOf(low.summary()));
        assertThat(text).contains("alert " + critical.alertId()).contains("alert " + low.alertId());
        String html = EmailRenderer.html(grouped);
        assertThat(html.indexOf(esc(critical.summary()))).isLessThan(html.indexOf(esc(low.summary())));
        assertThat(html).contains("alert <code>" + high.alertId() + "</code>");
    }

    @Test
    void aMessageThatNoLongerMatchesSaysWhyAndThatItIsTheLastWord() {
        var low = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH,
                Severity.LOW, Occurrence.DISPUTED, false)).message();
        var other = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH,
                Severity.HIGH, Occurrence.DISPUTED, false)).message();
        var n = new Notification("d6", "s", "desk", "g", DeliveryMode.DIGEST, OffsetDateTime.now(ZoneOffset.UTC),
                List.of(other, low), List.of(new Notification.NoLongerMatching(low.alertId(), low.sequence(),
                "severity LOW is below minSeverity <HIGH>")));

        String text = EmailRenderer.text(n);
        String line = "No longer matches this subscription's filter: severity LOW is below minSeverity <HIGH>. This is"
                + " the last message about this incident for this subscription unless it matches again.";
        assertThat(text).contains(line);
        assertThat(text.indexOf(line)).as("under its own message, not the other one")
                .isGreaterThan(text.indexOf(low.summary()));
        assertThat(text.split("No longer matches", -1)).hasSize(2);
        assertThat(EmailRenderer.html(n)).contains("severity LOW is below minSeverity &lt;HIGH&gt;")
                .doesNotContain("<HIGH>");
        assertThat(n.noLongerMatching(other)).isNull();
    }

    @Test
    void aDigestSubjectLeadsWithAnIncidentsCurrentStateNotItsFirstMessage() {
        UUID incident = UUID.randomUUID();
        var fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.SYUNIK_EAST,
                Severity.HIGH, Occurrence.UNVERIFIED, false));
        var confirmed = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2,
                BorderSegment.SYUNIK_EAST, Severity.HIGH, Occurrence.CONFIRMED, false)).message();
        var other = lifecycle.onAssessment(null, Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.TAVUSH,
                Severity.MEDIUM, Occurrence.DISPUTED, false)).message();
        assertThat(confirmed.sequence()).isEqualTo(2);
        assertThat(confirmed.summary()).contains("CONFIRMED");

        var digest = new Notification("d7", "s", "desk", "g", DeliveryMode.DIGEST,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(fired.message(), other, confirmed));

        assertThat(EmailRenderer.subject(digest)).isEqualTo("[BorderWatch] digest, 2 incidents (3 messages) — "
                + "most severe UPDATED (occurrence UNVERIFIED -> CONFIRMED): " + confirmed.summary());
        // the order of the messages does not matter: the highest sequence is the incident's current state
        var reordered = new Notification("d8", "s", "desk", "g", DeliveryMode.DIGEST,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(confirmed, fired.message(), other));
        assertThat(EmailRenderer.subject(reordered)).endsWith("most severe UPDATED (occurrence UNVERIFIED -> "
                + "CONFIRMED): " + confirmed.summary());

        // the body shows each incident once, where it stands, and its earlier message here as one line
        String text = EmailRenderer.text(digest);
        assertThat(text).contains("UPDATED — " + confirmed.summary() + "\n")
                .contains("Earlier in this e-mail: message 1 FIRED — " + fired.message().summary() + "\n");
        assertThat(text.split(java.util.regex.Pattern.quote(fired.message().summary()), -1))
                .as("the stale first word is not shown in full again").hasSize(2);
        assertThat(text.indexOf("UPDATED — " + confirmed.summary()))
                .isLessThan(text.indexOf("Earlier in this e-mail"))
                .isLessThan(text.indexOf(other.summary()));
        assertThat(text.split("Incident " + incident, -1)).as("the incident's full entry once").hasSize(2);
        String reorderedText = EmailRenderer.text(reordered);
        assertThat(reorderedText.substring(0, reorderedText.lastIndexOf("Delivery ")))
                .as("whatever order the messages came in").isEqualTo(text.substring(0, text.lastIndexOf("Delivery ")));
        assertThat(EmailRenderer.html(digest)).contains("<li>message 1 FIRED — " + esc(fired.message().summary())
                + "</li>");
    }

    @Test
    void anUpdateSaysWhatChangedFirstInTheBodyAndInTheSubjectAFirstMessageDoesNot() {
        UUID incident = UUID.randomUUID();
        var fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.TAVUSH,
                Severity.MEDIUM, Occurrence.DISPUTED, false));
        var refuted = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, BorderSegment.TAVUSH,
                Severity.HIGH, Occurrence.REFUTED, false)).message();
        assertThat(refuted.changes()).containsExactly("severity MEDIUM -> HIGH", "occurrence DISPUTED -> REFUTED");

        var update = new Notification("d9", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(refuted));
        assertThat(EmailRenderer.subject(update)).isEqualTo("[BorderWatch] UPDATED (severity MEDIUM -> HIGH; "
                + "occurrence DISPUTED -> REFUTED): " + refuted.summary());
        assertThat(EmailRenderer.text(update)).startsWith("What changed: severity MEDIUM -> HIGH; occurrence "
                + "DISPUTED -> REFUTED\nUPDATED — " + refuted.summary() + "\n");
        assertThat(EmailRenderer.html(update)).startsWith("<html><body><p><strong>What changed: </strong>severity "
                + "MEDIUM -&gt; HIGH; occurrence DISPUTED -&gt; REFUTED</p><h2>UPDATED: ");

        var first = new Notification("d10", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(fired.message()));
        assertThat(EmailRenderer.subject(first)).isEqualTo("[BorderWatch] FIRED: " + fired.message().summary());
        assertThat(EmailRenderer.text(first)).startsWith("FIRED — ").doesNotContain("What changed");
        assertThat(EmailRenderer.html(first)).doesNotContain("What changed");
    }

    @Test
    void aDigestListsEachIncidentsChangesInThePeriod() {
        UUID incident = UUID.randomUUID();
        var fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.SYUNIK_EAST,
                Severity.MEDIUM, Occurrence.UNVERIFIED, false));
        var higher = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2,
                BorderSegment.SYUNIK_EAST, Severity.HIGH, Occurrence.UNVERIFIED, false));
        var closed = lifecycle.onAssessment(higher.state(), Fixtures.assessment(incident, 3,
                BorderSegment.SYUNIK_EAST, Severity.HIGH, Occurrence.CONFIRMED, true)).message();
        var digest = new Notification("d11", "s", "desk", "g", DeliveryMode.DIGEST,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(fired.message(), higher.message(), closed));

        String text = EmailRenderer.text(digest);
        assertThat(text).startsWith("What changed: incident closed; occurrence UNVERIFIED -> CONFIRMED\nRESOLVED — ")
                .contains("Earlier in this e-mail: message 2 UPDATED — " + higher.message().summary()
                        + " (changed: severity MEDIUM -> HIGH)\n")
                .contains("Earlier in this e-mail: message 1 FIRED — " + fired.message().summary() + "\n");
        assertThat(EmailRenderer.html(digest)).contains("<li>message 2 UPDATED — "
                + esc(higher.message().summary()) + " (changed: severity MEDIUM -&gt; HIGH)</li>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
