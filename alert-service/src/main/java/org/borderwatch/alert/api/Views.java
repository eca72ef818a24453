package org.borderwatch.alert.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.borderwatch.alert.ack.Acknowledgements;
import org.borderwatch.alert.delivery.BulkFilter;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.silence.Silence;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.alert.store.VerdictStore;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The API's payloads: records built from the store's data, never the persistence documents themselves. */
public final class Views {

    private Views() {
    }

    /**
     * A verdict in a list: the person's review (when there is one) comes first; {@code effectiveOccurrence} and
     * {@code effectiveAttribution} are what counts (the review's where there is one, else the machine's; the
     * {@code occurrence} query parameter filters on it); {@code occurrence} and {@code attribution} stay the
     * machine's.
     */
    public record VerdictSummary(Review review, Occurrence effectiveOccurrence, Attribution effectiveAttribution,
                                 UUID incidentId, UUID alertId, long version, BorderSegment segment,
                                 Occurrence occurrence, Attribution attribution, Severity severity,
                                 List<SignalType> signals, TimeWindow window, boolean closed, Instant receivedAt) {
        static VerdictSummary of(VerdictStore.StoredVerdict v) {
            Assessment a = v.latest();
            Review r = v.review();
            return new VerdictSummary(r, r == null ? a.occurrence() : r.occurrence(),
                    r == null || r.attribution() == null ? a.attribution() : r.attribution(),
                    a.incidentId(), AlertLifecycle.alertIdOf(a.incidentId()), a.version(), a.segment(),
                    a.occurrence(),
                    a.attribution(), a.severity(), a.signals().stream().map(Signal::type).toList(), a.window(),
                    a.closed(), v.receivedAt());
        }
    }

    /** A verdict with its rationale, every review (newest first) and every version. */
    public record VerdictDetail(Review review, UUID alertId, List<Review> reviews, List<String> rationale,
                                Assessment latest, List<Assessment> history) {
    }

    public record ReviewRequest(Occurrence occurrence, Attribution attribution, String note) {
    }

    /** @param leaveNotice made only for the subscribers whose filter the incident left */
    public record MessageView(long sequence, String event, Instant createdAt, String reason, String muted,
                              boolean leaveNotice) {
    }

    /** @param sequence the alert message acknowledged */
    public record AckView(String by, String comment, Instant at, long sequence) {
        static AckView of(StoredAlert.Ack k) {
            return new AckView(k.by(), k.comment(), k.at(), k.sequence());
        }
    }

    /**
     * An alert: {@code occurrence} is the one that counts — the latest review's when staff reviewed the incident, else
     * the machine's (as the {@code occurrence} query parameter filters); the machine's own stays in {@code latest}.
     * {@code acknowledged}: some acknowledgement reaches {@code materialSequence}, the latest message that carries a
     * new state (repeats and leave notices do not); a material message after an acknowledgement makes it false again.
     */
    public record AlertView(UUID alertId, UUID incidentId, String status, BorderSegment segment, Severity severity,
                            Occurrence occurrence, Review review, long sequence, Alert latest,
                            List<MessageView> messages, List<AckView> acks,
                            @Schema(description = "whether some acknowledgement reaches materialSequence (the "
                                    + "current state was seen); a later material message makes it false again")
                            boolean acknowledged,
                            @Schema(description = "the sequence of the latest material message (not a repeat, not a "
                                    + "leave notice): what an acknowledgement must reach")
                            long materialSequence) {
        static AlertView of(StoredAlert a) {
            var s = a.state();
            Occurrence effective = s.review() != null ? s.review().occurrence() : s.latest().occurrence();
            return new AlertView(s.alertId(), s.incidentId(), s.status().name(), s.latest().segment(),
                    s.latest().severity(), effective, s.review(), s.sequence(), a.lastMessage(),
                    a.messages().stream().map(m -> new MessageView(m.alert().sequence(), m.alert().event().name(),
                            m.alert().createdAt().toInstant(), m.reason(), m.muted(), m.leaveNotice())).toList(),
                    a.acks().stream().map(AckView::of).toList(), Acknowledgements.acknowledged(a),
                    Acknowledgements.latestMaterialSequence(a.messages()));
        }
    }

    /** @param sequence the message acknowledged; absent: the alert's latest message */
    public record AckRequest(String comment,
                             @Schema(description = "the alert message (its sequence) acknowledged; absent: the "
                                     + "latest. A sequence the alert has no message for, or older than one the same "
                                     + "user acknowledged already, is a 409; below 1 a 400", minimum = "1")
                             Long sequence) {
    }

    public record ChannelRequest(String type, String url, String address, String topic, String secret,
                                 String format) {
    }

    public record FilterRequest(Set<BorderSegment> segments, Severity minSeverity, Set<SignalType> signals,
                                Set<Occurrence> occurrences) {
    }

    /** @param mode immediate (default) or digest; digestInterval for digests, e.g. "PT1H" */
    public record SubscriptionRequest(String name, ChannelRequest channel, FilterRequest filter, String mode,
                                      Duration digestInterval, Duration groupWait) {
    }

    /**
     * A channel as shown: the secret is never returned, only whether one is set; {@code format} only for webhooks
     * (absent for e-mail, Kafka and stream channels, which have none).
     */
    public record ChannelView(String type, String target,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String format,
                              boolean secretSet) {
    }

    public record SubscriptionView(String id, String name, String owner, ChannelView channel,
                                   SubscriptionFilter filter, String mode, Duration digestInterval,
                                   Duration groupWait, Instant createdAt) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.name(), s.owner(), new ChannelView(s.channel().type().wireName(),
                    s.channel().target(), s.channel().format(), s.channel().secret() != null), s.filter(),
                    s.mode().name().toLowerCase(), s.digestInterval(), s.groupWait(), s.createdAt());
        }
    }

    public record SilenceView(String id, Set<BorderSegment> segments, Set<SignalType> signals, Set<String> sources,
                              Instant startsAt, Instant endsAt, String author, String reason, Instant createdAt,
                              boolean active,
                              @Schema(description = "whether it mutes CRITICAL messages too: only an ADMIN's silence "
                                      + "does; a STAFF member's never mutes a CRITICAL message")
                              boolean mutesCritical,
                              @Schema(description = "Only in the answer of POST /api/v1/silences and GET "
                                      + "/api/v1/silences/{id}: the firing alerts it mutes now (their current message "
                                      + "matches it), so that one can see at once what a silence on, say, a signal "
                                      + "mutes — whole incidents, not a signal of them. None while it has not started "
                                      + "or has ended")
                              MutingNow mutingNow,
                              @Schema(description = "Who ended it before its endsAt (DELETE /api/v1/silences/{id}: "
                                      + "its author or an ADMIN); absent while it runs or when it ran out by itself")
                              String endedBy,
                              @Schema(description = "When it was ended so (then also its endsAt); absent as endedBy")
                              Instant endedAt) {
        static SilenceView of(Silence s, Instant now) {
            return of(s, now, null, 0);
        }

        /** @param maxIds the most ids {@code mutingNow} lists ({@code alert.api.muting-now-max-ids}) */
        static SilenceView of(Silence s, Instant now, List<UUID> muting, int maxIds) {
            return new SilenceView(s.id(), s.segments(), s.signals(), s.sources(), s.startsAt(), s.endsAt(),
                    s.author(), s.reason(), s.createdAt(), s.isActive(now), s.mutesCritical(),
                    muting == null ? null : MutingNow.of(muting, maxIds), s.endedBy(), s.endedAt());
        }
    }

    /**
     * @param count    how many firing alerts the silence mutes now
     * @param alertIds their ids (the first {@code alert.api.muting-now-max-ids}, default 200, when there are more)
     */
    public record MutingNow(int count, List<UUID> alertIds) {
        static MutingNow of(List<UUID> muting, int maxIds) {
            return new MutingNow(muting.size(), List.copyOf(muting.subList(0, Math.min(maxIds, muting.size()))));
        }
    }

    /**
     * @param nextAttemptAt    when the outbox row is due (group wait, digest tick, backoff between rounds, an open
     *                         circuit); left out once the delivery is DELIVERED or FAILED
     * @param noLongerMatching null, or why the message no longer matched the subscription (its last word)
     */
    public record DeliveryView(String id, String subscriptionId, String subscriptionName, String channel,
                               String target, long sequence, String event, String status, int attempts,
                               String lastError, Integer statusCode,
                               @Schema(description = "When the delivery is due to be tried (next): the end of its "
                                       + "group wait or digest interval, of the backoff after a failed round, or of "
                                       + "an open circuit. Already past while it is IN_FLIGHT (being sent) or waits "
                                       + "for a free worker. Left out when the delivery is DELIVERED, FAILED or "
                                       + "ABANDONED")
                               Instant nextAttemptAt,
                               Instant createdAt, Instant deliveredAt, String batchKey, String noLongerMatching) {
        static DeliveryView of(OutboxRow r) {
            boolean finished = r.status() == DeliveryStatus.DELIVERED || r.status() == DeliveryStatus.FAILED
                    || r.status() == DeliveryStatus.ABANDONED;
            return new DeliveryView(r.id(), r.subscriptionId(), r.subscriptionName(), r.channel().toLowerCase(),
                    r.target(), r.sequence(), r.event(), r.status().name(), r.attempts(), r.lastError(),
                    r.statusCode(), finished ? null : r.notBefore(), r.createdAt(), r.deliveredAt(), r.batchKey(),
                    r.noLongerMatching());
        }
    }

    /**
     * An operator's re-queue of FAILED deliveries: {@code reason} is required; the path names one delivery, or the
     * body names exactly one of {@code subscriptionId} and {@code target} (every FAILED delivery of it).
     */
    public record RequeueRequest(String reason, String subscriptionId, String target) {
    }

    /** The deliveries put back into the outbox (pending, attempts 0), each audited on its alert. */
    public record RequeueView(int requeued, List<DeliveryView> deliveries) {
    }

    /**
     * One outbox row as operators see it in {@code GET /api/v1/deliveries}: the delivery with its alert, its lease,
     * its re-queues and, once abandoned, who gave it up, when, why and what it was before.
     */
    public record OutboxView(String id, UUID alertId, UUID incidentId, String subscriptionId,
                             String subscriptionName, String channel, String target, long sequence, String event,
                             String status, int attempts, int rounds, String lastError, Integer statusCode,
                             @Schema(description = "When the delivery is due to be tried (next), while it is PENDING "
                                     + "or IN_FLIGHT")
                             Instant nextAttemptAt,
                             @Schema(description = "While IN_FLIGHT: when the worker's lease on it runs out (a lease "
                                     + "long past means the worker died or hangs; the row is claimable again)")
                             Instant leaseUntil,
                             Instant createdAt, Instant updatedAt, Instant deliveredAt, String batchKey,
                             Integer requeues, Instant requeuedAt, String requeuedBy, String requeueReason,
                             Instant abandonedAt, String abandonedBy, String abandonReason,
                             @Schema(description = "Once ABANDONED: the status it had (PENDING, IN_FLIGHT, FAILED, "
                                     + "or UNRELAYED: held in its alert document, never copied to the outbox)")
                             String statusBefore) {
        static OutboxView of(org.borderwatch.alert.store.DeliveryStore.Handled h) {
            OutboxRow r = h.row();
            boolean open = r.status() == DeliveryStatus.PENDING || r.status() == DeliveryStatus.IN_FLIGHT;
            return new OutboxView(r.id(), r.alertId(), r.incidentId(), r.subscriptionId(), r.subscriptionName(),
                    r.channel().toLowerCase(java.util.Locale.ROOT), r.target(), r.sequence(), r.event(),
                    r.status().name(), r.attempts(), r.rounds(), r.lastError(), r.statusCode(),
                    open ? r.notBefore() : null, r.status() == DeliveryStatus.IN_FLIGHT ? h.leaseUntil() : null,
                    r.createdAt(), h.updatedAt(), r.deliveredAt(), r.batchKey(),
                    h.requeues() == 0 ? null : h.requeues(), h.requeuedAt(), h.requeuedBy(), h.requeueReason(),
                    h.abandonedAt(), h.abandonedBy(), h.abandonReason(), h.statusBefore());
        }

        /** A row still held in its alert document, as a bulk abandon's dry run shows it: status UNRELAYED. */
        static OutboxView unrelayed(org.borderwatch.alert.store.AlertStore.HeldRow held) {
            OutboxView v = of(held.asHandled());
            return new OutboxView(v.id(), v.alertId(), v.incidentId(), v.subscriptionId(), v.subscriptionName(),
                    v.channel(), v.target(), v.sequence(), v.event(), BulkFilter.UNRELAYED, v.attempts(), v.rounds(),
                    v.lastError(), v.statusCode(), null, null, v.createdAt(), v.updatedAt(), v.deliveredAt(),
                    v.batchKey(), v.requeues(), v.requeuedAt(), v.requeuedBy(), v.requeueReason(), v.abandonedAt(),
                    v.abandonedBy(), v.abandonReason(), v.statusBefore());
        }
    }

    /** An operator's abandon of an outbox row: {@code reason} is required. */
    public record AbandonRequest(String reason) {
    }

    /**
     * A bulk abandon or re-queue: the mandatory reason, a dry run (nothing changed) or not, and the filter.
     */
    public record BulkRequest(
            @Schema(description = "Why, audited with every row changed", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason,
            @Schema(description = "true: count and show a sample of what would be changed, change nothing")
            Boolean dryRun,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BulkFilterBody filter) {
    }

    /** Which rows: every given criterion must hold, at least one given. */
    public record BulkFilterBody(
            @Schema(description = "Any of these statuses (abandon: PENDING, IN_FLIGHT — only once its lease ran out "
                    + "—, FAILED, UNRELAYED — held in its alert document, see /unrelayed; re-queue: FAILED); none "
                    + "given: all the action can change")
            List<String> statuses,
            @Schema(description = "Any of these channels: webhook, email, kafka") List<String> channels,
            @Schema(description = "The subscription's id, exactly (the feed: feed:border.alerts)") String subscriptionId,
            @Schema(description = "The target, exactly, as shown in the rows") String target,
            @Schema(description = "Rows created before this instant (ISO-8601 with Z or an offset)",
                    format = "date-time") String createdBefore,
            @Schema(description = "Rows created at or after this instant (ISO-8601 with Z or an offset)",
                    format = "date-time") String createdAfter) {
    }

    /**
     * What a bulk call selected and did: the rows the filter matches that the action can change ({@code matched}),
     * the oldest of them taken this time (at most {@code limit}), the rows changed (with their notifications' other
     * rows), what still matches afterwards, rows of deleted subscriptions left out of a re-queue, and a sample.
     */
    public record BulkView(
            boolean dryRun,
            @Schema(description = "abandon or requeue") String action,
            @Schema(description = "The filter as applied, in words (also in each audit entry)") String filter,
            @Schema(description = "Rows the filter matches that the action can change now") long matched,
            @Schema(description = "alert.api.bulk-max-rows: the most rows one call takes") int limit,
            @Schema(description = "The oldest matched rows this call takes (or would take): at most limit") int selected,
            @Schema(description = "Rows changed (0 in a dry run): the selected ones still changeable when written, "
                    + "with the other rows of the grouped or digest notifications they were sent in") int changed,
            @Schema(description = "Rows the filter still matches after this call: call again to go on")
            long remaining,
            @Schema(description = "Re-queue: FAILED rows of deleted subscriptions the filter matches, left as they "
                    + "are (they cannot be sent again)") long skippedDeletedSubscriptions,
            @Schema(description = "The first rows changed (a dry run: selected), at most alert.api.bulk-sample")
            List<OutboxView> sample) {
    }

    /** The rows given up (a grouped or digest notification's rows go together), each audited on its alert. */
    public record AbandonView(int abandoned, List<OutboxView> deliveries) {
    }

    /**
     * An outbox row still held in its alert document: the relay has not copied it to the outbox (yet), e.g. because
     * its message cannot be read. Read as stored.
     */
    public record UnrelayedView(UUID alertId, String id, String subscriptionId, String subscriptionName,
                                String channel, String target, Long sequence, String event, Instant createdAt) {
        static UnrelayedView of(org.borderwatch.alert.store.AlertStore.HeldRow h) {
            org.bson.Document r = h.row();
            java.util.Date created = r.get("createdAt") instanceof java.util.Date d ? d : null;
            return new UnrelayedView(UUID.fromString(h.alertId()), h.id(), r.getString("subscriptionId"),
                    r.getString("subscriptionName"),
                    r.getString("channel") == null ? null : r.getString("channel").toLowerCase(java.util.Locale.ROOT),
                    r.getString("target"), r.get("sequence") instanceof Number n ? n.longValue() : null,
                    r.getString("event"), created == null ? null : created.toInstant());
        }
    }

    public record AuditView(String actor, String action, String target, String detail, Instant at) {
        static AuditView of(AuditStore.Entry e) {
            return new AuditView(e.actor(), e.action(), e.target(), e.detail(), e.at());
        }
    }
}
