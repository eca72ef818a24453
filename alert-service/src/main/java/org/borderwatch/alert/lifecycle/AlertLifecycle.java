package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One alert per incident, like a good alert manager: the first version fires; later versions update only when
 * something that matters changed (severity rose, the occurrence verdict changed, a new signal appeared); the
 * closing version resolves; a closed version after that whose verdict changed materially is sent as a correction
 * (UPDATED, status still RESOLVED); a person's review is an update of its own; a still-firing alert at high severity is
 * repeated to each receiver that was sent nothing of it for the repeat interval. A version not newer than the last one
 * seen changes nothing, so redelivered assessments are harmless. Pure: time comes from the injected clock.
 */
public final class AlertLifecycle {

    /** The reason, and the first change, of the message that resolves a firing alert. */
    public static final String INCIDENT_CLOSED = "incident closed";

    private final Clock clock;
    private final LifecycleSettings settings;

    public AlertLifecycle(Clock clock, LifecycleSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The alert id of an incident: stable, so every replica and every replay agree. */
    public static UUID alertIdOf(UUID incidentId) {
        return Uuids.v5(Uuids.ALERT_NAMESPACE, "alert\n" + incidentId);
    }

    /**
     * Applies a new assessment version.
     *
     * @param current the alert so far, or {@code null} for an incident seen for the first time
     */
    public Transition onAssessment(AlertState current, Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        Instant now = clock.instant();
        if (current == null) {
            AlertEvent event = assessment.closed() ? AlertEvent.RESOLVED : AlertEvent.FIRED;
            AlertStatus status = assessment.closed() ? AlertStatus.RESOLVED : AlertStatus.FIRING;
            AlertState state = new AlertState(alertIdOf(assessment.incidentId()), assessment.incidentId(), status,
                    assessment, null, 0, 1, assessment.severity(), assessment.occurrence(),
                    signalTypes(assessment), now, now);
            return new Transition(state, message(state, event, now, List.of()),
                    assessment.closed() ? "first version already closed" : "first version");
        }
        if (assessment.version() <= current.latest().version()) {
            return new Transition(current, null, "version " + assessment.version() + " already seen (latest "
                    + current.latest().version() + ")");
        }
        if (assessment.closed()) {
            if (current.status() == AlertStatus.RESOLVED) {
                return correctedAfterClosure(current, assessment, now);
            }
            List<String> changes = new ArrayList<>();
            changes.add(INCIDENT_CLOSED);
            changes.addAll(changesSinceNotified(current, assessment));
            AlertState state = notified(current, assessment, AlertStatus.RESOLVED, current.review(),
                    current.reviewCount(), now);
            return new Transition(state, message(state, AlertEvent.RESOLVED, now, changes), INCIDENT_CLOSED);
        }
        List<String> changes = materialChanges(current, assessment);
        if (changes.isEmpty()) {
            return new Transition(withLatest(current, assessment), null, "nothing that matters changed");
        }
        AlertState state = notified(current, assessment, AlertStatus.FIRING, current.review(),
                current.reviewCount(), now);
        return new Transition(state, message(state, AlertEvent.UPDATED, now, changes), String.join("; ", changes));
    }

    /**
     * A closed version after the resolution: the classifier corrected its final verdict (a late denial, an
     * observer's confirmation, a re-telling). The alert stays RESOLVED. When something that matters changed against
     * what was last notified, the correction is a message of its own: event {@link AlertEvent#UPDATED} with status
     * {@link AlertStatus#RESOLVED} (the only combination that means "correction of a resolved incident"); otherwise
     * the version is only stored, as before.
     */
    private Transition correctedAfterClosure(AlertState current, Assessment assessment, Instant now) {
        List<String> changes = changesSinceNotified(current, assessment);
        if (changes.isEmpty()) {
            return new Transition(withLatest(current, assessment), null,
                    "already resolved; nothing that matters changed");
        }
        AlertState state = notified(current, assessment, AlertStatus.RESOLVED, current.review(),
                current.reviewCount(), now);
        List<String> said = new ArrayList<>();
        said.add(AlertSummaries.CORRECTED_AFTER_CLOSURE);
        said.addAll(changes);
        return new Transition(state, message(state, AlertEvent.UPDATED, now, said),
                AlertSummaries.CORRECTED_AFTER_CLOSURE + ": " + String.join("; ", changes));
    }

    /**
     * A version that changed nothing that matters as a whole (severity down, a signal gone, another segment: no
     * message of its own) may still take the incident out of a subscriber's filter. Told nothing, that subscriber's
     * last word would stay a stale FIRED/UPDATED; so the version becomes a message after all — an
     * {@link AlertEvent#UPDATED} with the current state (status unchanged: a correction's form when the alert is
     * resolved), a new sequence, the notified values moved to this version (so the incident coming back into the
     * filter — severity up again, the signal back — is material again) — that the router sends only to the
     * subscribers it leaves. The caller decides whether anyone leaves; this only makes the message.
     *
     * @param after  the state after the version (from a transition that produced no message)
     * @param reason the history entry ({@code no longer matches …})
     */
    public Transition leaveNotice(AlertState after, String reason) {
        Objects.requireNonNull(after, "after");
        Instant now = clock.instant();
        List<String> changes = differencesSinceNotified(after);
        if (changes.isEmpty()) {
            changes.add("version " + after.latest().version() + ": nothing that matters changed");
        }
        AlertState state = notified(after, after.latest(), after.status(), after.review(), after.reviewCount(), now);
        return new Transition(state, message(state, AlertEvent.UPDATED, now, changes), reason, true);
    }

    /** A person reviewed the verdict: always an update, sent to those the alert matches. */
    public Transition onReview(AlertState current, Review review) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(review, "review");
        Instant now = clock.instant();
        AlertState state = notified(current, current.latest(), current.status(), review, current.reviewCount() + 1,
                now);
        String reason = "reviewed by " + review.reviewer() + ": " + review.occurrence();
        return new Transition(state, message(state, AlertEvent.REVIEWED, now, List.of(reason)), reason);
    }

    /**
     * A repeat for the alert's own clock alone, as if no subscription had one: due once the repeat interval has
     * passed since the alert's last message. See {@link #repeatIfDue(AlertState, RepeatClocks, Function)}.
     */
    public Transition repeatIfDue(AlertState current) {
        return repeatIfDue(current, RepeatClocks.NONE, message -> List.of());
    }

    /**
     * A repeat of a still-firing alert at or above the repeat severity, counted per receiver: due when the alert's
     * own clock (its last message: the clock of the {@code border.alerts} feed and the live stream, which get every
     * message) or the clock of a subscription the repeat would reach is {@code repeat-interval} old — that
     * subscription was sent nothing of the alert for so long (see {@link RepeatClocks}). The repeat goes to the
     * subscriptions whose clocks are due and to those it reaches that have no clock (never told: the first word about
     * the incident rides along on its next repeat, as it always did), never to one whose clock is younger. Never for a
     * REFUTED incident (the person's verdict when reviewed, else the machine's): reminding people every interval of
     * something judged not to have happened is noise; a later version that changes the verdict is an update of its
     * own, and repeats resume from there.
     *
     * @param clocks the subscriptions' repeat clocks
     * @param reach  the subscriptions (ids) a message would reach now, told that message (the router's choice)
     */
    public Transition repeatIfDue(AlertState current, RepeatClocks clocks, Function<Alert, Collection<String>> reach) {
        Objects.requireNonNull(clocks, "clocks");
        Instant now = clock.instant();
        if (current.effectiveOccurrence() == Occurrence.REFUTED) {
            return new Transition(current, null, "no repeat: refuted");
        }
        Duration interval = settings.repeatInterval();
        if (interval.isZero()
                || current.status() != AlertStatus.FIRING
                || !current.latest().severity().isAtLeast(settings.repeatMinSeverity())) {
            return new Transition(current, null, "no repeat due");
        }
        AlertState state = notified(current, current.latest(), AlertStatus.FIRING, current.review(),
                current.reviewCount(), now);
        String reason = "repeat: still firing after " + interval;
        Alert message = message(state, AlertEvent.UPDATED, now, List.of(reason));
        boolean due = !now.isBefore(current.lastNotifiedAt().plus(interval));
        Set<String> to = new LinkedHashSet<>();
        for (String subscription : reach.apply(message)) {
            Instant last = clocks.of(subscription);
            if (last == null) {
                to.add(subscription);
            } else if (!now.isBefore(last.plus(interval))) {
                to.add(subscription);
                due = true;
            }
        }
        if (!due) {
            return new Transition(current, null, "no repeat due");
        }
        return new Transition(state, message, reason, false, to);
    }

    /**
     * The oldest repeat clock that can still make a repeat of the alert due: the alert's own (its last message, the
     * clock of the feed and the live stream) or that of a subscription still in the conversation. The repeat job's
     * query selects an alert once this is {@code repeat-interval} old (stored as {@code repeatFrom}); null when no
     * repeat can ever be due for the alert as it stands — it is not firing, or it is REFUTED (the person's verdict
     * when reviewed, else the machine's) — so that it is never selected until a message changes that. The settings
     * (interval, lowest severity) are the query's, so a changed setting applies to stored alerts at once.
     *
     * @param clocks the clocks that count: only subscriptions still in the conversation (a deleted one's, or one
     *               after its last word, could never be reminded and would select the alert at every check)
     */
    public static Instant repeatFrom(AlertState state, RepeatClocks clocks) {
        if (state.status() != AlertStatus.FIRING || state.effectiveOccurrence() == Occurrence.REFUTED) {
            return null;
        }
        return clocks.earliest(state.lastNotifiedAt());
    }

    static List<String> materialChanges(AlertState current, Assessment next) {
        List<String> changes = changesSinceNotified(current, next);
        if (current.status() == AlertStatus.RESOLVED && changes.isEmpty()) {
            changes.add("incident reopened");
        }
        return changes;
    }

    /** Severity up, occurrence changed, new signal: measured against what was last notified. */
    static List<String> changesSinceNotified(AlertState current, Assessment next) {
        List<String> changes = new ArrayList<>();
        if (next.severity().compareTo(current.notifiedSeverity()) > 0) {
            changes.add("severity " + current.notifiedSeverity() + " -> " + next.severity());
        }
        if (next.occurrence() != current.notifiedOccurrence()) {
            changes.add("occurrence " + current.notifiedOccurrence() + " -> " + next.occurrence());
        }
        Set<SignalType> added = EnumSet.noneOf(SignalType.class);
        added.addAll(signalTypes(next));
        added.removeAll(current.notifiedSignals());
        if (!added.isEmpty()) {
            changes.add("new signal " + added.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        return changes;
    }

    /**
     * Every difference between what was last notified and the latest version, in both directions (severity down, a
     * signal gone, as well as up and new): what a leave notice — a message sent because the incident left a filter,
     * not because something rose — has changed.
     */
    static List<String> differencesSinceNotified(AlertState s) {
        Assessment latest = s.latest();
        return SubscriberChanges.differences(s.notifiedSeverity(), s.notifiedOccurrence(), s.notifiedSignals(),
                latest.severity(), latest.occurrence(), signalTypes(latest));
    }

    private static AlertState withLatest(AlertState s, Assessment latest) {
        return new AlertState(s.alertId(), s.incidentId(), s.status(), latest, s.review(), s.reviewCount(),
                s.sequence(), s.notifiedSeverity(), s.notifiedOccurrence(), s.notifiedSignals(), s.firstNotifiedAt(),
                s.lastNotifiedAt());
    }

    private static AlertState notified(AlertState s, Assessment latest, AlertStatus status, Review review,
                                       int reviewCount, Instant now) {
        return new AlertState(s.alertId(), s.incidentId(), status, latest, review, reviewCount, s.sequence() + 1,
                latest.severity(), latest.occurrence(), signalTypes(latest), s.firstNotifiedAt(), now);
    }

    static Set<SignalType> signalTypes(Assessment a) {
        Set<SignalType> types = EnumSet.noneOf(SignalType.class);
        a.signals().stream().map(Signal::type).forEach(types::add);
        return types;
    }

    /**
     * Every message carries the statements behind the verdict ({@link Assessment#evidence()}, empty while the
     * classifier sends none) and, when the service knows its public address, the link to the verdict. A message of a
     * resolved alert whose incident was withdrawn (merged or dissolved: {@link Withdrawal}) carries the mark.
     *
     * @param changes what changed since the previous message of this alert (see {@link Alert#changes()}): the same
     *                words as the transition's reason, one entry per change; empty for the first message
     */
    private Alert message(AlertState s, AlertEvent event, Instant now, List<String> changes) {
        Assessment a = s.latest();
        List<SignalType> signals = List.copyOf(signalTypes(a));
        return new Alert(Alert.SCHEMA_VERSION, s.alertId(), s.incidentId(), s.sequence(), a.version(), event,
                s.status(), a.segment(), a.severity(), a.occurrence(), a.attribution(), signals, a.window(),
                a.casualties(), AlertSummaries.summary(a, s.review(), event, s.status()), a.rationale(), s.review(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), changes, a.evidence(),
                settings.verdictUrl(s.incidentId()), s.status() == AlertStatus.RESOLVED
                ? Withdrawal.of(a).map(Withdrawal::mark).orElse(null) : null);
    }
}
