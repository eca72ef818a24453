package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.delivery.stream.AlertStreamHub;
import org.borderwatch.alert.inhibit.IncidentView;
import org.borderwatch.alert.inhibit.InhibitionRule;
import org.borderwatch.alert.inhibit.Inhibitor;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.AlertState;
import org.borderwatch.alert.lifecycle.HeldBack;
import org.borderwatch.alert.lifecycle.RepeatClocks;
import org.borderwatch.alert.lifecycle.SubscriberChanges;
import org.borderwatch.alert.lifecycle.Transition;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Router;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.silence.Silence;
import org.borderwatch.alert.silence.Silences;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.alert.store.SilenceStore;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.alert.store.SubscriptionStore;
import org.borderwatch.alert.store.VerdictStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pipeline around the plain lifecycle (Alertmanager's dispatch): store the verdict → lifecycle → inhibition →
 * silences → routing → outbox. The alert document and its new outbox rows are written in one document write, then
 * the rows are copied to {@code deliveries}; a crash in between is repaired by {@link #relayPending()}. So no
 * transaction is needed and a redelivered assessment produces nothing new.
 */
@Service
public class AlertDispatcher {

    /** Pseudo-subscription of the {@code border.alerts} feed: every alert message goes there. */
    public static final String FEED_SUBSCRIPTION = "feed:border.alerts";
    /** Pseudo-subscription of the live stream: its outbox rows are appended to the stream log, not delivered. */
    public static final String STREAM_SUBSCRIPTION = "stream:live";
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final Clock clock;
    private final AlertLifecycle lifecycle;
    private final Inhibitor inhibitor;
    private final Silences silences;
    private final VerdictStore verdicts;
    private final AlertStore alerts;
    private final SubscriptionStore subscriptions;
    private final SilenceStore silenceStore;
    private final DeliveryStore deliveries;
    private final AlertStreamHub stream;
    private final StreamLogStore streamLog;
    private final AlertMetrics metrics;
    private final AlertProperties properties;

    public AlertDispatcher(Clock clock, AlertLifecycle lifecycle, Inhibitor inhibitor, Silences silences,
                           VerdictStore verdicts, AlertStore alerts, SubscriptionStore subscriptions,
                           SilenceStore silenceStore, DeliveryStore deliveries, AlertStreamHub stream,
                           StreamLogStore streamLog, AlertMetrics metrics, AlertProperties properties) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.inhibitor = inhibitor;
        this.silences = silences;
        this.verdicts = verdicts;
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.silenceStore = silenceStore;
        this.deliveries = deliveries;
        this.stream = stream;
        this.streamLog = streamLog;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Stores the verdict and applies it to the incident's alert; safe to call again with the same version. */
    public Optional<Alert> onAssessment(Assessment assessment) {
        Instant receivedAt = clock.instant();
        boolean fresh = verdicts.save(assessment, receivedAt);
        metrics.assessment(fresh ? "stored" : "duplicate");
        return apply(assessment.incidentId(), stored -> lifecycle.onAssessment(stored == null ? null : stored.state(),
                assessment), receivedAt);
    }

    /** Records a person's review beside the verdict and sends it as an update. */
    public Optional<Alert> onReview(UUID incidentId, Review review) {
        if (!verdicts.addReview(incidentId, review)) {
            throw new java.util.NoSuchElementException("no verdict for incident " + incidentId);
        }
        return apply(incidentId, stored -> stored == null ? null : lifecycle.onReview(stored.state(), review),
                clock.instant());
    }

    /**
     * Repeats still-firing high alerts to the subscriptions that were sent nothing of them for the repeat interval
     * (and to the feed and the live stream when the alert had no message for so long): see
     * {@link AlertLifecycle#repeatIfDue(AlertState, RepeatClocks, Function)}. One pass looks at the alerts whose
     * oldest repeat clock that counts is an interval old ({@link AlertStore#repeatCandidates}), oldest first,
     * {@code alert.store.page-size} at a time and at most {@code alert.lifecycle.repeat-max-per-pass}; the next pass
     * continues after the last one looked at, and starts from the oldest again once a pass got to the end. An alert
     * that can never be repeated is not selected (see {@link AlertLifecycle#repeatFrom}); one found not due after
     * all (a clock of a subscription deleted since, or one stored before it counted so) gets the clocks that count
     * stored, so it is not found again before a repeat can be due. Alerts that are not due therefore never crowd out
     * those that are.
     *
     * @return how many alerts were repeated
     */
    public int repeatDue() {
        if (properties.lifecycle().repeatInterval().isZero()) {
            return 0;
        }
        synchronized (repeatLock) {
            return repeatPass();
        }
    }

    private final Object repeatLock = new Object();

    /** Where the last repeat pass stopped at its limit; null: the next pass starts from the oldest clock. */
    private AlertStore.RepeatCursor repeatResumeAfter;

    private int repeatPass() {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (Severity s : Severity.values()) {
            if (s.isAtLeast(properties.lifecycle().repeatMinSeverity())) {
                severities.add(s);
            }
        }
        Instant cutoff = clock.instant().minus(properties.lifecycle().repeatInterval());
        PagedPass.Result<AlertStore.RepeatCursor> pass = new PagedPass<AlertStore.RepeatCandidate,
                AlertStore.RepeatCursor>((after, limit) -> alerts.repeatCandidates(severities, cutoff, after, limit),
                AlertStore.RepeatCandidate::at)
                .run(repeatResumeAfter, properties.store().pageSize(), properties.lifecycle().repeatMaxPerPass(),
                        candidate -> repeatOrReschedule(candidate.incidentId()) ? 1 : 0,
                        // the others are not held up; this one is looked at again when a pass gets to it
                        (candidate, e) -> log.warn("repeat of the alert of incident {} failed: {}",
                                candidate.incidentId(), e.toString()));
        repeatResumeAfter = pass.resumeAfter();
        metrics.repeatBacklog(alerts.countRepeatCandidates(severities, cutoff));
        return pass.done();
    }

    /**
     * Repeats the alert when a repeat is due; otherwise stores the clocks that count and the oldest of them (see
     * {@link AlertStore#reschedule}). Whether it was repeated.
     */
    private boolean repeatOrReschedule(UUID incidentId) {
        if (apply(incidentId, this::repeatIfDue, clock.instant()).isPresent()) {
            return true;
        }
        alerts.findByIncident(incidentId).ifPresent(a -> {
            RepeatClocks counting = counting(a.clocks(), subscriptions.all(), a.told(), a.messages());
            if (alerts.reschedule(a.state().alertId(), a.rev(), counting,
                    AlertLifecycle.repeatFrom(a.state(), counting))) {
                log.info("alert {} not due for a repeat: its repeat clocks rescheduled", a.state().alertId());
            }
        });
        return false;
    }

    /**
     * The repeat of an alert as stored, when one is due: for the subscriptions the router would send it to whose
     * clocks are due (and those without one).
     */
    private Transition repeatIfDue(StoredAlert current) {
        if (current == null) {
            return null;
        }
        List<Subscription> all = subscriptions.all();
        java.util.function.LongFunction<Alert> bySequence = bySequence(current.messages());
        return lifecycle.repeatIfDue(current.state(), counting(current.clocks(), all, current.told(),
                        current.messages()),
                message -> Router.route(message, false, all, current.told(), bySequence).stream()
                        .map(r -> r.subscription().id()).toList());
    }

    /**
     * The repeat clocks that count: those of the subscriptions that exist and are still in the alert's conversation
     * ({@link Router#inConversation}). Any other could never be reminded, and its clock would keep the alert's
     * {@code repeatFrom} in the past, selecting it at every repeat check.
     */
    private static RepeatClocks counting(RepeatClocks clocks, List<Subscription> all, Map<String, Long> told,
                                         List<StoredAlert.Message> messages) {
        return clocks.retain(Router.inConversation(all, told, bySequence(messages)));
    }

    /**
     * Copies outbox rows left in alert documents (after a crash between the two writes) to deliveries. One pass looks
     * at the alerts holding such rows in {@code _id} order ({@link AlertStore#pendingOutbox}),
     * {@code alert.store.page-size} at a time and at most {@code alert.lifecycle.relay-max-per-pass}; the next pass
     * continues after the last one looked at, and starts from the first again once a pass got to the end. An alert
     * whose rows fail to copy is logged and skipped (its rows stay, and a later pass tries again), so alerts whose
     * rows keep failing never hold up the others'.
     *
     * @return how many rows were copied
     */
    public int relayPending() {
        synchronized (relayLock) {
            PagedPass.Result<String> pass = new PagedPass<String, String>(alerts::pendingOutbox, id -> id)
                    .run(relayResumeAfter, properties.store().pageSize(), properties.lifecycle().relayMaxPerPass(),
                            id -> alerts.find(UUID.fromString(id)).map(this::relay).orElse(0),
                            (id, e) -> log.warn("relaying the outbox rows of alert {} failed: {}", id, e.toString()));
            relayResumeAfter = pass.resumeAfter();
            metrics.relayBacklog(alerts.countPendingOutbox());
            return pass.done();
        }
    }

    private final Object relayLock = new Object();

    /** Where the last relay pass stopped at its limit (an alert id); null: the next pass starts from the first. */
    private String relayResumeAfter;

    /**
     * Optimistic-write attempts on one alert before giving up (a conflict means another writer changed it in
     * between). A correctness guard against a livelock, not a tunable: code review F6 kept it out of the settings.
     */
    private static final int MAX_WRITE_ATTEMPTS = 20;

    /** @param step the transition of the alert as stored (null for an incident seen for the first time) */
    private Optional<Alert> apply(UUID incidentId, Function<StoredAlert, Transition> step, Instant receivedAt) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<StoredAlert> current = alerts.findByIncident(incidentId);
            AlertState before = current.map(StoredAlert::state).orElse(null);
            Transition t = step.apply(current.orElse(null));
            if (t == null || (!t.notifies() && t.state().equals(before))) {
                return Optional.empty();
            }
            if (!t.notifies() && current.isPresent()) {
                t = leaveNoticeIfAny(current.get(), t);
            }
            StoredAlert next = next(current.orElse(null), t, receivedAt);
            long expected = current.map(StoredAlert::rev).orElse(-1L);
            if (alerts.write(next, expected)) {
                StoredAlert written = new StoredAlert(next.state(), expected + 1, next.messages(), next.told(),
                        next.clocks(), next.acks(), next.pending());
                relay(written);
                if (before != null && inhibitor.sourceMayHaveEnded(view(before), view(t.state()))) {
                    try {
                        releaseInhibitedBy(incidentId);
                    } catch (RuntimeException e) {
                        // the change itself is stored; the first release pass after a restart repairs this
                        log.warn("releasing the alerts inhibited by incident {} failed: {}", incidentId, e.toString());
                    }
                }
                if (t.notifies()) {
                    metrics.alert(t.message());
                    StoredAlert.Message m = next.messages().get(next.messages().size() - 1);
                    log.info("alert {} #{} {} ({}){}", t.message().alertId(), t.message().sequence(),
                            t.message().event(), t.reason(), m.muted() == null ? "" : " muted: " + m.muted());
                }
                return t.messageIfAny();
            }
        }
        throw new ConcurrentModificationException("alert of incident " + incidentId + " keeps changing");
    }

    /**
     * A version with no message of its own (nothing that matters changed as a whole) that takes the incident out of
     * the filter of subscribers told about it: it becomes a leave notice for those (see {@link Router}), so their last
     * word is not a stale FIRED/UPDATED. So does one that may take a firing incident out of a live-stream client's
     * filter ({@link #streamFiltersMayLeave}); the stream then tells only the clients it leaves. Otherwise the
     * transition as it was.
     */
    private Transition leaveNoticeIfAny(StoredAlert current, Transition t) {
        Transition notice = lifecycle.leaveNotice(t.state(), "no longer matches");
        List<Router.Recipient> leaving = current.told().isEmpty() ? List.of()
                : Router.route(notice.message(), true, subscriptions.all(), current.told(),
                bySequence(current.messages()));
        String streamed = streamFiltersMayLeave(current, notice.message());
        if (leaving.isEmpty() && streamed == null) {
            return t;
        }
        List<String> why = new ArrayList<>();
        if (!leaving.isEmpty()) {
            why.add("no longer matches " + leaving.stream().limit(5)
                    .map(r -> "'" + r.subscription().name() + "' (" + r.noLongerMatching() + ")")
                    .collect(Collectors.joining(", ")) + (leaving.size() > 5 ? " and " + (leaving.size() - 5)
                    + " more" : ""));
        }
        if (streamed != null) {
            why.add("may leave live-stream filters (" + streamed + ")");
        }
        return new Transition(notice.state(), notice.message(), String.join("; ", why) + "; " + t.reason(), true);
    }

    /**
     * Whether a version with no message of its own may take a firing incident out of a live-stream client's filter:
     * compared with the last message the stream had (the last one not muted), its severity went down, a signal
     * disappeared or it moved to another segment. The stream's filters are not known here (they are the clients'
     * query parameters, on any replica), so such a version becomes a leave notice whoever watches; the stream sends
     * it only to the clients whose filter it leaves (see {@code StreamConversation}). Null when not, else in words.
     */
    private static String streamFiltersMayLeave(StoredAlert current, Alert now) {
        if (current.state().status() != org.borderwatch.common.model.AlertStatus.FIRING) {
            return null;
        }
        Alert streamed = null;
        for (int i = current.messages().size() - 1; i >= 0 && streamed == null; i--) {
            if (current.messages().get(i).muted() == null) {
                streamed = current.messages().get(i).alert();
            }
        }
        if (streamed == null) {
            return null;
        }
        List<String> changes = new ArrayList<>();
        if (now.severity().compareTo(streamed.severity()) < 0) {
            changes.add("severity " + streamed.severity() + " -> " + now.severity());
        }
        Set<org.borderwatch.common.model.SignalType> gone = new java.util.TreeSet<>(streamed.signals());
        gone.removeAll(now.signals());
        if (!gone.isEmpty()) {
            changes.add("signal gone: " + gone.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (now.segment() != streamed.segment()) {
            changes.add("segment " + streamed.segment() + " -> " + now.segment());
        }
        return changes.isEmpty() ? null : String.join(", ", changes);
    }

    /** The alert's messages by sequence, for the router's "was the subscriber's last message in its filter". */
    private static java.util.function.LongFunction<Alert> bySequence(List<StoredAlert.Message> messages) {
        Map<Long, Alert> by = new java.util.HashMap<>();
        messages.forEach(m -> by.put(m.alert().sequence(), m.alert()));
        return by::get;
    }

    private StoredAlert next(StoredAlert current, Transition t, Instant receivedAt) {
        List<StoredAlert.Message> messages = new ArrayList<>(current == null ? List.of() : current.messages());
        Map<String, Long> told = new LinkedHashMap<>(current == null ? Map.of() : current.told());
        List<OutboxRow> pending = new ArrayList<>(current == null ? List.of() : current.pending());
        List<StoredAlert.Ack> acks = current == null ? List.of() : current.acks();
        RepeatClocks clocks = current == null ? RepeatClocks.NONE : current.clocks();
        Alert message = t.message();
        if (message != null) {
            String muted = mutedBy(message, t.state());
            messages.add(new StoredAlert.Message(message, t.reason(), muted, t.leaveNotice(), t.repeatTo()));
            Instant now = clock.instant();
            String json = Json.write(message);
            List<Subscription> all = subscriptions.all();
            List<Subscription> candidates = repeatedTo(all, t.repeatTo());
            if (muted == null) {
                clocks = sent(clocks, message, route(message, t.leaveNotice(), candidates, messages, json, told,
                        pending, now, receivedAt), now);
            } else {
                metrics.muted(muted.startsWith("inhibited") ? "inhibited" : "silenced");
                clocks = clocks.heldBack(Router.route(message, t.leaveNotice(), candidates, told,
                        bySequence(messages)).stream().map(r -> r.subscription().id()).toList(), told.keySet(), now);
            }
            // the clocks of deleted subscriptions and of those out of the conversation go with the next message
            clocks = counting(clocks, all, told, messages);
            Subscription feed = feed();
            OutboxRow feedRow = row(feed, message, json, null, now, now, receivedAt, null);
            pending.add(feedRow);
        }
        return new StoredAlert(t.state(), current == null ? -1 : current.rev(), messages, told, clocks, acks,
                pending);
    }

    /** The subscriptions a message may go to: all, or a repeat's alone. */
    private static List<Subscription> repeatedTo(List<Subscription> all, Set<String> repeatTo) {
        return repeatTo == null ? all : all.stream().filter(s -> repeatTo.contains(s.id())).toList();
    }

    /** The repeat clocks after a message was sent to these recipients (see {@link RepeatClocks#sent}). */
    private static RepeatClocks sent(RepeatClocks clocks, Alert message, List<Router.Recipient> recipients,
                                     Instant now) {
        Map<String, Boolean> reached = new LinkedHashMap<>();
        recipients.forEach(r -> reached.put(r.subscription().id(), r.subscription().filter().matches(message)));
        return clocks.sent(reached, now);
    }

    /**
     * Routes a message that is not muted to its subscribers (never twice to one; a subscriber it takes out of its
     * filter gets it marked so, as its last word) and to the live stream.
     *
     * @param candidates the subscriptions it may go to (all, or a repeat's)
     * @param messages   the alert's messages (for whether each subscriber's last message was in its filter)
     * @return the subscriptions it was routed to
     */
    private List<Router.Recipient> route(Alert message, boolean leaveNotice, List<Subscription> candidates,
                                         List<StoredAlert.Message> messages, String json, Map<String, Long> told,
                                         List<OutboxRow> pending, Instant now, Instant receivedAt) {
        Duration groupWait = properties.lifecycle().groupWait();
        java.util.function.LongFunction<Alert> bySequence = bySequence(messages);
        List<Router.Recipient> recipients = Router.route(message, leaveNotice, candidates, told, bySequence);
        for (Router.Recipient r : recipients) {
            Subscription s = r.subscription();
            // what changed, measured against the last message this subscriber received (news when none)
            Long last = told.get(s.id());
            Alert lastReceived = last == null ? null : bySequence.apply(last);
            Alert theirs = last != null && lastReceived == null ? message // not known: as the lifecycle said
                    : SubscriberChanges.forSubscriber(message, lastReceived);
            String groupKey = Grouping.groupKey(s, theirs);
            Instant open = Grouping.joinsOpenGroups(s, groupWait)
                    ? deliveries.openGroupFlush(groupKey).orElse(null) : null;
            pending.add(row(s, theirs, theirs == message ? json : Json.write(theirs), groupKey,
                    Grouping.notBefore(s, now, groupWait, open), now, receivedAt, r.noLongerMatching()));
            told.put(s.id(), message.sequence());
        }
        // the live stream's copy, appended to the stream log by the relay like any outbox row
        pending.add(row(STREAM, message, json, null, now, now, receivedAt, null));
        return recipients;
    }

    /**
     * When a silence has ended (deleted, or its {@code endsAt} passed): every still-firing alert whose latest message
     * it held back is released — that message (the current version, same sequence) goes to the subscribers that
     * were never told it, unless something else still mutes it. Recorded as a history entry ("released …"); the
     * Router's "never the same sequence twice to one subscriber" makes a repeated release a no-op. The
     * {@code border.alerts} feed had the message already (muting is for people). The first pass after start-up
     * looks at every held-back alert, silenced or inhibited (something may have ended while no instance ran, or an
     * instance died between a source's change and the release of what it held back).
     *
     * @return how many alerts were released
     */
    public int releaseSilenced() {
        // one pass at a time: the periodic job and a pass woken by the API (ReleaseJob) never overlap
        synchronized (releaseLock) {
            return releasePass();
        }
    }

    private final Object releaseLock = new Object();

    private int releasePass() {
        Instant now = clock.instant();
        // Look a little further back than the last pass: a pass that read the clock after a silence was deleted but
        // queried the store before the deletion was written (the periodic job beside the DELETE request) would
        // otherwise move the mark past that end without seeing it, and the alerts it held back would never be
        // released. Rechecking an alert twice is harmless (a release is never sent twice).
        Instant since = releaseCheckedUpTo == null ? null
                : releaseCheckedUpTo.minus(properties.lifecycle().releaseLookback());
        // a full pass once per start (silences may have ended while no instance ran), then only when one ended
        if (since != null && !silenceStore.anyEndedBetween(since, now)) {
            releaseCheckedUpTo = now;
            return 0;
        }
        releaseCheckedUpTo = now;
        int released = recheckAll(alerts::silencedFiring);
        if (since == null) {
            released += recheckAll(alerts::inhibitedFiring);
        }
        return released;
    }

    /**
     * Rechecks every alert a paged query finds (in {@code _id} order, {@code alert.store.page-size} at a time); how
     * many were released.
     */
    private int recheckAll(java.util.function.BiFunction<String, Integer, List<StoredAlert>> query) {
        int released = 0;
        String after = null;
        int pageSize = properties.store().pageSize();
        List<StoredAlert> page;
        do {
            page = query.apply(after, pageSize);
            for (StoredAlert candidate : page) {
                if (recheck(candidate.state().incidentId()) == HeldBack.Outcome.RELEASE) {
                    released++;
                }
                after = candidate.state().alertId().toString();
            }
        } while (page.size() == pageSize);
        return released;
    }

    /**
     * An incident that muted others by inhibition may have stopped doing so (its severity went down, a review
     * refuted it, its event time moved): every still-firing alert whose latest message it held back is looked at
     * again and released as after a silence — unless a silence or another inhibiting incident still mutes it, in
     * which case the history records that and the alert waits for that one to end.
     *
     * @return how many alerts were released
     */
    public int releaseInhibitedBy(UUID sourceIncident) {
        return recheckAll((after, limit) -> alerts.inhibitedBy(sourceIncident, after, limit));
    }

    /** Up to when ended silences have been looked for by {@link #releaseSilenced()}; null before the first pass. */
    private volatile Instant releaseCheckedUpTo;


    /**
     * Looks again at a firing alert whose latest message was held back (by a silence or by inhibition): released
     * when nothing mutes it any more, re-recorded when something else mutes it now (see {@link HeldBack#recheck}).
     *
     * @return what was done ({@link HeldBack.Outcome#RELEASE} when the message was released)
     */
    private HeldBack.Outcome recheck(UUID incidentId) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<StoredAlert> found = alerts.findByIncident(incidentId);
            if (found.isEmpty()) {
                return HeldBack.Outcome.NOTHING;
            }
            StoredAlert current = found.get();
            if (current.state().status() != org.borderwatch.common.model.AlertStatus.FIRING
                    || current.messages().isEmpty()) {
                return HeldBack.Outcome.NOTHING;
            }
            StoredAlert.Message last = current.messages().get(current.messages().size() - 1);
            if (HeldBack.parse(last.muted()).isEmpty()) {
                return HeldBack.Outcome.NOTHING;
            }
            HeldBack.Recheck decision = HeldBack.recheck(last.muted(), mutingReasons(last.alert(), current.state(),
                    true));
            if (decision.outcome() == HeldBack.Outcome.NOTHING) {
                return HeldBack.Outcome.NOTHING;
            }
            Instant now = clock.instant();
            List<StoredAlert.Message> messages = new ArrayList<>(current.messages());
            Map<String, Long> told = new LinkedHashMap<>(current.told());
            List<OutboxRow> pending = new ArrayList<>(current.pending());
            RepeatClocks clocks = current.clocks();
            boolean release = decision.outcome() == HeldBack.Outcome.RELEASE;
            Alert message = last.alert();
            if (release) {
                // the same message (same sequence, same idempotency keys), saying that it was held back; a
                // repeat's only to the subscriptions it was for
                List<String> changes = new ArrayList<>(message.changes());
                HeldBack.parse(last.muted()).map(HeldBack::releasedChange).ifPresent(changes::add);
                message = message.withChanges(changes);
                clocks = sent(clocks, message, route(message, last.leaveNotice(),
                        repeatedTo(subscriptions.all(), last.repeatTo()), current.messages(), Json.write(message),
                        told, pending, now, now), now);
            }
            messages.add(new StoredAlert.Message(message, decision.reason(), decision.muted(),
                    last.leaveNotice(), last.repeatTo()));
            clocks = counting(clocks, subscriptions.all(), told, messages);
            StoredAlert next = new StoredAlert(current.state(), current.rev(), messages, told, clocks,
                    current.acks(), pending);
            if (alerts.write(next, current.rev())) {
                relay(new StoredAlert(next.state(), current.rev() + 1, messages, told, clocks, next.acks(),
                        pending));
                if (release) {
                    log.info("alert {} #{} released ({})", last.alert().alertId(), last.alert().sequence(),
                            decision.reason());
                } else {
                    log.info("alert {} #{} {}, now {}", last.alert().alertId(), last.alert().sequence(),
                            decision.reason(), decision.muted());
                }
                return decision.outcome();
            }
        }
        throw new ConcurrentModificationException("alert of incident " + incidentId + " keeps changing");
    }

    private static final Subscription STREAM = new Subscription(STREAM_SUBSCRIPTION, "live stream", "system",
            new Channel(ChannelType.STREAM, null, null, null, null, null), null, null, null, Instant.EPOCH);

    /** The feed pseudo-subscription for {@code border.alerts}. */
    public Subscription feed() {
        return new Subscription(FEED_SUBSCRIPTION, "border.alerts feed", "system",
                new Channel(ChannelType.KAFKA, null, null, properties.topics().alerts(), null, null), null, null,
                null, Instant.EPOCH);
    }

    private static OutboxRow row(Subscription s, Alert message, String json, String groupKey, Instant notBefore,
                                 Instant now, Instant receivedAt, String noLongerMatching) {
        String id = Grouping.itemKey(s.id(), message);
        return new OutboxRow(id, message.alertId(), message.incidentId(), message.sequence(),
                message.event().name(), s.id(), s.name(), s.channel().type().name(), s.channel().target(),
                groupKey == null ? "single|" + id : groupKey, DeliveryStatus.PENDING, notBefore, now, receivedAt,
                0, 0, null, null, null, null, json, noLongerMatching);
    }

    /** Why a message is muted, or null. Resolutions are never muted: whoever heard "fired" hears "resolved". */
    private String mutedBy(Alert message, AlertState state) {
        List<String> reasons = mutingReasons(message, state, false);
        return reasons.isEmpty() ? null : reasons.get(0);
    }

    /**
     * What mutes a message now: inhibiting incidents first (in a stable order), then silences. With {@code all}
     * false it stops at the first reason found.
     */
    private List<String> mutingReasons(Alert message, AlertState state, boolean all) {
        List<String> reasons = new ArrayList<>();
        if (message.event() == AlertEvent.RESOLVED) {
            return reasons;
        }
        Assessment latest = state.latest();
        if (latest.window() != null && !inhibitor.rules().isEmpty()) {
            IncidentView target = view(state);
            Set<Severity> sources = inhibitor.rules().stream().map(InhibitionRule::sourceSeverity)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Severity.class)));
            Instant from = latest.window().from().toInstant().minus(inhibitor.reach());
            Instant to = latest.window().to().toInstant().plus(inhibitor.reach());
            List<IncidentView> others = alerts.inSegment(latest.segment(), sources, from, to).stream()
                    .map(AlertDispatcher::view).toList();
            for (IncidentView by : inhibitor.inhibitors(target, others)) {
                reasons.add(HeldBack.inhibited(by.severity(), by.incidentId()));
                if (!all) {
                    return reasons;
                }
            }
        }
        List<String> tags = silenceTags(latest);
        Instant now = clock.instant();
        for (Silence s : silenceStore.notEnded(now)) {
            if (silences.mutedBy(List.of(s), x -> x.mutes(message.severity(), message.segment(), message.signals(), tags)).isPresent()) {
                reasons.add(HeldBack.silenced(s.id(), s.author(), s.reason()));
                if (!all) {
                    return reasons;
                }
            }
        }
        return reasons;
    }

    /**
     * What a silence's {@code sources} matcher is compared with: the ids of the sources behind the incident
     * (az-mod, euma, ...) and, as a shorthand, its acting party.
     */
    public static List<String> silenceTags(Assessment latest) {
        List<String> tags = new ArrayList<>(latest.sources());
        if (latest.actingParty() != null) {
            tags.add(latest.actingParty().name());
        }
        return tags;
    }

    /**
     * The firing alerts the silence mutes now, as the intake would judge their current message (segment, signals,
     * sources, severity — a STAFF silence leaves CRITICAL ones alone); none when it is not active yet.
     */
    public List<UUID> firingMutedBy(Silence silence) {
        Instant now = clock.instant();
        List<UUID> out = new ArrayList<>();
        if (!silence.isActive(now)) {
            return out;
        }
        Set<String> segments = silence.segments().isEmpty() ? null
                : silence.segments().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> signals = silence.signals().isEmpty() ? null
                : silence.signals().stream().map(Enum::name).collect(Collectors.toSet());
        int pageSize = properties.store().mutingPageSize(); // alert.store.muting-page-size
        var query = new org.borderwatch.alert.store.AlertStore.AlertQuery(org.borderwatch.common.model.AlertStatus.FIRING.name(), segments, null,
                null, signals, null, null, null);
        for (int page = 0; ; page++) {
            List<StoredAlert> batch = alerts.list(query, page, pageSize);
            for (StoredAlert a : batch) {
                Assessment latest = a.state().latest();
                if (silence.mutes(latest.severity(), latest.segment(),
                        latest.signals().stream().map(org.borderwatch.common.model.Signal::type).toList(),
                        silenceTags(latest))) {
                    out.add(a.state().alertId());
                }
            }
            if (batch.size() < pageSize) {
                return out;
            }
        }
    }

    /** An alert's incident as inhibition sees it (the reviewed occurrence when there is a review). */
    private static IncidentView view(AlertState s) {
        Assessment latest = s.latest();
        return new IncidentView(s.incidentId(), latest.segment(), latest.severity(), latest.window(),
                s.effectiveOccurrence());
    }

    private int relay(StoredAlert stored) {
        if (stored.pending().isEmpty()) {
            return 0;
        }
        boolean streamed = false;
        List<OutboxRow> rows = new ArrayList<>();
        for (OutboxRow row : stored.pending()) {
            if (STREAM_SUBSCRIPTION.equals(row.subscriptionId())) {
                streamLog.append(Json.read(row.alertJson(), Alert.class), row.alertJson(), row.createdAt());
                streamed = true;
            } else {
                rows.add(row);
            }
        }
        // one round trip for all of a message's rows; rows copied before a crash are skipped (same key)
        int copied = deliveries.insertAllIfAbsent(rows);
        if (streamed) {
            stream.wake();
        }
        alerts.clearPending(stored.state().alertId(), stored.rev());
        return copied;
    }
}
