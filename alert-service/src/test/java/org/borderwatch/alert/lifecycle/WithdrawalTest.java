package org.borderwatch.alert.lifecycle;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.cap.CapRenderer;
import org.borderwatch.alert.cap.CapRendererTest;
import org.borderwatch.alert.cap.CapSchemaOrder;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.delivery.email.EmailRenderer;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Closure;
import org.borderwatch.common.model.ClosureReason;
import org.borderwatch.common.model.Withdrawn;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.alert.cap.CapRendererTest.text;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

/**
 * An incident the classifier closes as merged or dissolved is withdrawn, not resolved: what tells it (its last
 * rationale sentence, closed only) and how the webhook body, the e-mail and CAP say it.
 */
class WithdrawalTest {

    private static final UUID SURVIVOR = UUID.fromString("0b7c6a52-3f43-4a43-9d55-2b1f5e3c9a10");
    private static final String MERGED = "Merged into incident " + SURVIVOR + ": a report at 11:50 bridges the two.";
    private static final String DISSOLVED = "Dissolved: its report left it (corrected by revision 2, which places it "
            + "in TAVUSH; assessed alone there); this incident no longer holds anything.";

    static Stream<Arguments> rationales() {
        return Stream.of(
                Arguments.of("dissolved, last sentence", true, List.of("AZ MoD claimed fire", DISSOLVED),
                        Withdrawal.Kind.DISSOLVED, null),
                Arguments.of("merged, names the survivor", true, List.of("AZ MoD claimed fire", MERGED),
                        Withdrawal.Kind.MERGED, SURVIVOR),
                Arguments.of("merged without an id", true, List.of("Merged into incident (unknown): bridged"),
                        Withdrawal.Kind.MERGED, null),
                Arguments.of("an ordinary closure", true, List.of("AZ MoD claimed fire", "AM MoD denied"), null, null),
                Arguments.of("the marker not last: a later sentence follows", true, List.of(DISSOLVED, "Reopened"),
                        null, null),
                Arguments.of("open: not a closure whatever it says", false, List.of(DISSOLVED), null, null),
                Arguments.of("the word inside a sentence", true, List.of("Nothing Dissolved: here"), null, null),
                Arguments.of("no rationale", true, List.of(), null, null));
    }

    /** A closed version with a closure: the closure decides, whatever the last sentence says. */
    static Stream<Arguments> closures() {
        return Stream.of(
                Arguments.of("MERGED, named by the closure", Closure.mergedInto(SURVIVOR), MERGED,
                        Withdrawal.Kind.MERGED, SURVIVOR),
                Arguments.of("MERGED, the sentence reworded: the closure still tells", Closure.mergedInto(SURVIVOR),
                        "Joined with another incident.", Withdrawal.Kind.MERGED, SURVIVOR),
                Arguments.of("DISSOLVED", Closure.DISSOLVED, DISSOLVED, Withdrawal.Kind.DISSOLVED, null),
                Arguments.of("QUIET, though the sentence reads Dissolved: not withdrawn", Closure.QUIET, DISSOLVED,
                        null, null),
                Arguments.of("ASSESSED_ALONE", Closure.ASSESSED_ALONE, "Published 3 March, assessed alone.", null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closures")
    void theClosureOfAClosedVersionTellsAWithdrawalBeforeItsSentence(String name, Closure closure, String last,
                                                                    Withdrawal.Kind kind, UUID mergedInto) {
        Assessment open = Fixtures.assessment(UUID.randomUUID(), 1, TAVUSH, Severity.HIGH, Occurrence.DISPUTED, false);
        Assessment closed = Fixtures.closedWith(open, last, closure);
        var found = Withdrawal.of(closed);
        assertThat(found.map(Withdrawal::kind).orElse(null)).isEqualTo(kind);
        assertThat(found.map(Withdrawal::mergedInto).orElse(null)).isEqualTo(mergedInto);
        found.ifPresent(w -> assertThat(w.why()).isEqualTo(last));

        // the alert message carries the mark; read back from it (border.alerts, the live stream) it says the same
        Transition fired = lifecycle.onAssessment(null, open);
        Alert close = lifecycle.onAssessment(fired.state(), closed).message();
        assertThat(close.withdrawn()).isEqualTo(found.map(Withdrawal::mark).orElse(null));
        Alert read = Json.read(Json.writeBytes(close), Alert.class);
        assertThat(read.withdrawn()).isEqualTo(close.withdrawn());
        if (kind != null) {
            // (a message without the mark falls back to its sentence: one stored before the mark existed)
            assertThat(Withdrawal.of(read).map(Withdrawal::kind)).contains(kind);
        }
        assertThat(close.summary()).endsWith(kind == null ? "resolved" : "withdrawn, " + (kind == Withdrawal.Kind.MERGED
                ? "merged into incident " + SURVIVOR : "its reports moved to another incident"));
        assertThat(fired.message().withdrawn()).as("an open incident's message").isNull();
    }

    @Test
    void withoutAClosureAnOlderClassifiersSentenceStillMarksTheMessage() {
        Transition[] t = firedThenClosed(MERGED);
        assertThat(t[1].message().withdrawn()).isEqualTo(new Withdrawn(ClosureReason.MERGED, SURVIVOR));
        assertThat(Withdrawal.of(Fixtures.closedWith(Fixtures.assessment(UUID.randomUUID(), 1, TAVUSH, Severity.HIGH,
                Occurrence.DISPUTED, false), MERGED))).map(Withdrawal::mergedInto).contains(SURVIVOR);
        // a message stored before the mark (no withdrawn field): its rationale tells
        Alert stored = t[1].message().withWithdrawn(null);
        assertThat(Withdrawal.of(stored).map(Withdrawal::kind)).contains(Withdrawal.Kind.MERGED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rationales")
    void theLastSentenceOfAClosedVersionTellsAWithdrawal(String name, boolean closed, List<String> rationale,
                                                          Withdrawal.Kind kind, UUID mergedInto) {
        var found = Withdrawal.of(closed, rationale);
        assertThat(found.map(Withdrawal::kind).orElse(null)).isEqualTo(kind);
        assertThat(found.map(Withdrawal::mergedInto).orElse(null)).isEqualTo(mergedInto);
        found.ifPresent(w -> assertThat(w.why()).isEqualTo(rationale.get(rationale.size() - 1)));
    }

    private final AlertLifecycle lifecycle = new AlertLifecycle(
            Clock.fixed(Instant.parse("2025-03-17T09:00:00Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ZERO, Severity.HIGH));

    private Transition[] firedThenClosed(String lastSentence) {
        Assessment open = Fixtures.assessment(UUID.randomUUID(), 1, TAVUSH, Severity.HIGH, Occurrence.DISPUTED, false);
        Transition fired = lifecycle.onAssessment(null, open);
        return new Transition[]{fired, lifecycle.onAssessment(fired.state(), Fixtures.closedWith(open, lastSentence))};
    }

    private static Notification notification(Alert... alerts) {
        return new Notification("d1", "s1", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.parse("2025-03-17T09:00:00Z"), List.of(alerts));
    }

    @Test
    void aDissolvedIncidentsCloseSaysWithdrawnInTheBodyTheSummaryAndTheEmail() {
        Transition[] t = firedThenClosed(DISSOLVED);
        Alert close = t[1].message();
        assertThat(close.summary()).endsWith("withdrawn, its reports moved to another incident")
                .doesNotContain("resolved");

        Notification n = notification(close);
        var body = Json.tree(Json.writeBytes(n));
        assertThat(body.get("withdrawn")).hasSize(1);
        var mark = body.get("withdrawn").get(0);
        assertThat(mark.get("alertId").asString()).isEqualTo(close.alertId().toString());
        assertThat(mark.get("sequence").asLong()).isEqualTo(close.sequence());
        assertThat(mark.get("kind").asString()).isEqualTo("DISSOLVED");
        assertThat(mark.has("mergedInto")).isFalse();
        assertThat(mark.get("why").asString()).isEqualTo(DISSOLVED);
        // read back (a partner topic's consumer, the tests): the same marks
        assertThat(Json.read(Json.writeBytes(n), Notification.class).withdrawn()).isEqualTo(n.withdrawn());

        assertThat(EmailRenderer.subject(n)).startsWith("[BorderWatch] WITHDRAWN").doesNotContain("RESOLVED");
        assertThat(EmailRenderer.text(n)).contains("Withdrawn, not resolved: its reports were moved to another "
                + "incident after a correction").doesNotContain("RESOLVED —");
        assertThat(EmailRenderer.html(n)).contains("<h2>WITHDRAWN:", "Withdrawn, not resolved");
    }

    @Test
    void anOrdinaryResolutionAndTheFirstMessageCarryNoMark() {
        Transition[] t = firedThenClosed("AM MoD denied again.");
        Notification n = notification(t[0].message(), t[1].message());
        assertThat(n.withdrawn()).isEmpty();
        assertThat(new String(Json.writeBytes(n), StandardCharsets.UTF_8)).doesNotContain("withdrawn");
        assertThat(t[1].message().summary()).endsWith("resolved");
        assertThat(EmailRenderer.subject(notification(t[1].message()))).startsWith("[BorderWatch] RESOLVED");
        assertThat(EmailRenderer.text(n)).doesNotContain("Withdrawn");
    }

    @Test
    void capCancelsAWithdrawnIncidentWithoutAnAllClearAndCollatesAMergedOneWithItsSurvivor() throws Exception {
        CapRenderer renderer = new CapRenderer("alerts@borderwatch.example", "BorderWatch");
        Transition[] merged = firedThenClosed(MERGED);
        Alert close = merged[1].message();
        Element cap = CapRendererTest.parse(renderer.render(close, List.of()));
        CapSchemaOrder.assertInSchemaOrder(cap);
        Element info = (Element) cap.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(text(cap, "msgType")).isEqualTo("Cancel");
        assertThat(text(info, "responseType")).as("the event goes on under another incident").isEqualTo("None");
        assertThat(text(info, "urgency")).isEqualTo("Past");
        assertThat(text(cap, "incidents")).isEqualTo(close.incidentId() + " " + SURVIVOR);
        assertThat(text(cap, "note")).endsWith(": withdrawn, merged into incident " + SURVIVOR);
        assertThat(text(info, "description")).startsWith("Withdrawn, not resolved: this incident was merged into "
                + "incident " + SURVIVOR);

        Alert resolved = firedThenClosed("AM MoD denied again.")[1].message();
        Element plain = CapRendererTest.parse(renderer.render(resolved, List.of()));
        Element plainInfo = (Element) plain.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(text(plain, "msgType")).isEqualTo("Cancel");
        assertThat(text(plainInfo, "responseType")).isEqualTo("AllClear");
        assertThat(text(plain, "incidents")).isEqualTo(resolved.incidentId().toString());
        assertThat(text(plain, "note")).doesNotContain("withdrawn");
    }
}
