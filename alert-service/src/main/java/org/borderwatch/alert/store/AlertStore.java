package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.borderwatch.alert.ack.Acknowledgements;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.AlertState;
import org.borderwatch.alert.lifecycle.HeldBack;
import org.borderwatch.alert.lifecycle.RepeatClocks;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Severity;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code alerts} collection: one document per incident, replaced with optimistic concurrency. */
@Repository
public class AlertStore implements InitializingBean {

    static final String ALERTS = "alerts";
    private final MongoTemplate mongo;

    public AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(alerts(), Indexes.ascending("incidentId"), true, "incident");
        Mongo.index(alerts(), Indexes.ascending("segment", "windowFrom"), false, "segment_window");
        Mongo.index(alerts(), Indexes.ascending("status", "lastNotifiedAt"), false, "status_notified");
        // the repeat job: the oldest repeat clock (the alert's own or a subscription's)
        Mongo.index(alerts(), Indexes.ascending("status", "repeatFrom"), false, "status_repeat");
        Mongo.index(alerts(), Indexes.ascending("pendingCount"), false, "pending");
        Mongo.index(alerts(), Indexes.ascending("silencedFiring"), false, "silenced_firing");
        Mongo.index(alerts(), Indexes.ascending("inhibitedBy"), false, "inhibited_by");
        // GET /api/v1/alerts: sorted by lastNotifiedAt (also without a status), filtered by any of these
        Mongo.index(alerts(), Indexes.descending("lastNotifiedAt"), false, "notified");
        Mongo.index(alerts(), Indexes.ascending("severity"), false, "severity");
        Mongo.index(alerts(), Indexes.ascending("occurrence"), false, "occurrence");
        Mongo.index(alerts(), Indexes.ascending("signals"), false, "signals");
        Mongo.index(alerts(), Indexes.ascending("windowTo"), false, "window_to");
        Mongo.index(alerts(), Indexes.ascending("windowFrom"), false, "window_from");
        Mongo.index(alerts(), Indexes.compoundIndex(Indexes.ascending("acknowledged"),
                Indexes.descending("lastNotifiedAt")), false, "acknowledged_notified");
        backfillFilterFields();
        backfillAcknowledged();
    }

    /**
     * Alerts written before the list filters on {@code occurrence} and {@code signals} existed get both (from their
     * state) once, at start-up, unless rewritten meanwhile; afterwards every write keeps them in step.
     *
     * @return how many alerts were completed
     */
    public int backfillFilterFields() {
        int[] done = {0};
        alerts().find(Filters.exists("signals", false)).forEach(d -> {
            AlertState state = Json.read(d.getString("state"), AlertState.class);
            long updated = alerts().updateOne(Filters.and(Filters.eq("_id", d.get("_id")),
                            Filters.eq("rev", d.get("rev")), Filters.exists("signals", false)),
                    Updates.combine(Updates.set("occurrence", effectiveOccurrence(state)),
                            Updates.set("signals", signalNames(state)))).getModifiedCount();
            done[0] += (int) updated;
        });
        return done[0];
    }

    /**
     * Alerts written before the list filtered on {@code acknowledged} get the field once, at start-up, unless
     * rewritten meanwhile: computed from the alert as read, so an acknowledgement stored before acknowledgements
     * named their message counts for the message current at its time, exactly as in the alert's view.
     *
     * @return how many alerts were completed
     */
    public int backfillAcknowledged() {
        int[] done = {0};
        alerts().find(Filters.exists("acknowledged", false)).forEach(d -> {
            long updated = alerts().updateOne(Filters.and(Filters.eq("_id", d.get("_id")),
                            Filters.eq("rev", d.get("rev")), Filters.exists("acknowledged", false)),
                    Updates.set("acknowledged", Acknowledgements.acknowledged(toStored(d)))).getModifiedCount();
            done[0] += (int) updated;
        });
        return done[0];
    }

    /** The occurrence that counts: the person's when reviewed, else the machine's (as for verdicts). */
    static String effectiveOccurrence(AlertState s) {
        return (s.review() != null ? s.review().occurrence() : s.latest().occurrence()).name();
    }

    static List<String> signalNames(AlertState s) {
        return s.latest().signals().stream().map(sig -> sig.type().name()).distinct().toList();
    }

    /**
     * Firing alerts whose latest message was held back by inhibition from the given incident, in {@code _id}
     * order after {@code afterId} (null: from the start), so a caller can page through all of them.
     */
    public List<StoredAlert> inhibitedBy(UUID sourceIncident, String afterId, int limit) {
        return page(Filters.eq("inhibitedBy", sourceIncident.toString()), afterId, limit);
    }

    /** Firing alerts whose latest message was held back by inhibition (from any incident), paged as above. */
    public List<StoredAlert> inhibitedFiring(String afterId, int limit) {
        return page(Filters.ne("inhibitedBy", null), afterId, limit);
    }

    private List<StoredAlert> page(Bson filter, String afterId, int limit) {
        List<StoredAlert> out = new ArrayList<>();
        Bson f = afterId == null ? filter : Filters.and(filter, Filters.gt("_id", afterId));
        alerts().find(f).sort(Sorts.ascending("_id")).limit(limit).forEach(d -> out.add(toStored(d)));
        return out;
    }

    /**
     * Firing alerts whose latest message was muted by a silence (and not released since), in {@code _id} order
     * after {@code afterId} (null: from the start).
     */
    public List<StoredAlert> silencedFiring(String afterId, int limit) {
        return page(Filters.eq("silencedFiring", true), afterId, limit);
    }

    public Optional<StoredAlert> find(UUID alertId) {
        return Optional.ofNullable(alerts().find(Filters.eq("_id", alertId.toString())).first())
                .map(AlertStore::toStored);
    }

    public Optional<StoredAlert> findByIncident(UUID incidentId) {
        return Optional.ofNullable(alerts().find(Filters.eq("incidentId", incidentId.toString())).first())
                .map(AlertStore::toStored);
    }

    /**
     * Writes the alert if nobody changed it since it was read ({@code expectedRev}; -1 for a new alert).
     *
     * @return false on a concurrent change: read again and retry
     */
    public boolean write(StoredAlert alert, long expectedRev) {
        Document doc = toDocument(alert, expectedRev + 1);
        if (expectedRev < 0) {
            return Mongo.insertIfAbsent(alerts(), doc);
        }
        return alerts().replaceOne(Filters.and(Filters.eq("_id", doc.getString("_id")),
                Filters.eq("rev", expectedRev)), doc).getMatchedCount() == 1;
    }

    /** Clears the pending outbox rows once copied, unless the alert changed meanwhile (then the next sweep does). */
    public boolean clearPending(UUID alertId, long rev) {
        return alerts().updateOne(Filters.and(Filters.eq("_id", alertId.toString()), Filters.eq("rev", rev)),
                Updates.combine(Updates.set("pending", List.of()), Updates.set("pendingCount", 0)))
                .getMatchedCount() == 1;
    }

    /**
     * The ids of alerts holding outbox rows not yet copied to deliveries, in {@code _id} order, after {@code after}
     * (null: from the first), at most {@code limit}: so that a caller pages through all of them. Only the ids are
     * read; the caller reads each alert (one whose document fails to read fails alone).
     */
    public List<String> pendingOutbox(String after, int limit) {
        Bson pending = Filters.gt("pendingCount", 0);
        List<String> out = new ArrayList<>();
        alerts().find(after == null ? pending : Filters.and(pending, Filters.gt("_id", after)))
                .projection(com.mongodb.client.model.Projections.include("_id"))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /**
     * An outbox row held in an alert document, not (yet) copied to deliveries: as stored there, with the alert's id
     * and revision.
     */
    public record HeldRow(String alertId, long rev, Document row) {

        public String id() {
            return row.getString("_id");
        }

        /** As stored: upper case ({@code WEBHOOK}, {@code STREAM} …), or null when the row has none. */
        public String channel() {
            return row.get("channel") instanceof String s ? s : null;
        }

        public String subscriptionId() {
            return row.get("subscriptionId") instanceof String s ? s : null;
        }

        public String target() {
            return row.get("target") instanceof String s ? s : null;
        }

        public Instant createdAt() {
            return row.get("createdAt") instanceof java.util.Date d ? d.toInstant() : null;
        }

        /** The row as the outbox would show it (its message is not read). */
        public DeliveryStore.Handled asHandled() {
            return DeliveryStore.Handled.of(row);
        }
    }

    /**
     * The rows held in the given alerts' documents (the relay copies them; those it cannot copy stay), in the order
     * of {@code alertIds}, each alert's in the order held. Read raw: a row whose message cannot be read is listed too.
     */
    public List<HeldRow> heldRows(List<String> alertIds) {
        Map<String, List<HeldRow>> byAlert = new LinkedHashMap<>();
        alertIds.forEach(id -> byAlert.put(id, new ArrayList<>()));
        alerts().find(Filters.and(Filters.in("_id", alertIds), Filters.gt("pendingCount", 0)))
                .projection(com.mongodb.client.model.Projections.include("_id", "rev", "pending"))
                .forEach(d -> byAlert.get(d.getString("_id")).addAll(held(d)));
        return byAlert.values().stream().flatMap(List::stream).toList();
    }

    /** The held row with this key, when an alert document holds one. */
    public Optional<HeldRow> findHeldRow(String rowId) {
        Document d = alerts().find(Filters.eq("pending._id", rowId))
                .projection(com.mongodb.client.model.Projections.include("_id", "rev", "pending")).first();
        return d == null ? Optional.empty()
                : held(d).stream().filter(r -> rowId.equals(r.id())).findFirst();
    }

    /**
     * Takes one held row out of its alert document, unless the alert changed since it was read (then false: read it
     * again). The revision goes up, so a dispatcher or relay holding the older document retries instead of writing
     * the row back.
     */
    public boolean dropHeldRow(HeldRow row) {
        return alerts().updateOne(Filters.and(Filters.eq("_id", row.alertId()), Filters.eq("rev", row.rev())),
                Updates.combine(Updates.pull("pending", new Document("_id", row.id())),
                        Updates.inc("pendingCount", -1), Updates.inc("rev", 1))).getModifiedCount() == 1;
    }

    /**
     * Takes several held rows out of one alert document at once, unless the alert changed since it was read at
     * {@code rev} (then false: read it again); as {@link #dropHeldRow}, the revision goes up.
     *
     * @param rowIds rows the document held when read at {@code rev}
     */
    public boolean dropHeldRows(String alertId, long rev, Collection<String> rowIds) {
        return alerts().updateOne(Filters.and(Filters.eq("_id", alertId), Filters.eq("rev", rev)),
                Updates.combine(Updates.pull("pending", Filters.in("_id", rowIds)),
                        Updates.inc("pendingCount", -rowIds.size()), Updates.inc("rev", 1))).getModifiedCount() == 1;
    }

    private static List<HeldRow> held(Document alert) {
        long rev = ((Number) alert.get("rev")).longValue();
        return alert.getList("pending", Document.class, List.of()).stream()
                .map(r -> new HeldRow(alert.getString("_id"), rev, r)).toList();
    }

    /** How many alerts hold outbox rows not yet copied ({@link #pendingOutbox} from the first). */
    public long countPendingOutbox() {
        return alerts().countDocuments(Filters.gt("pendingCount", 0));
    }

    /**
     * Adds an acknowledgement unless the alert changed since it was read at {@code expectedRev} (then the caller
     * reads it again and decides anew: that keeps a repeated acknowledgement from being stored twice). Increases the
     * revision, so a concurrent replace of the alert, which carries the acknowledgements it read, retries instead of
     * dropping this one. The list's {@code acknowledged} field is set from the alert as read plus this
     * acknowledgement (the revision guard makes that the alert as stored).
     */
    public boolean addAck(StoredAlert read, StoredAlert.Ack ack) {
        List<StoredAlert.Ack> acks = new ArrayList<>(read.acks());
        acks.add(ack);
        boolean acknowledged = Acknowledgements.acknowledged(new StoredAlert(read.state(), read.rev(),
                read.messages(), read.told(), read.clocks(), acks, read.pending()));
        return alerts().updateOne(Filters.and(Filters.eq("_id", read.state().alertId().toString()),
                        Filters.eq("rev", read.rev())),
                Updates.combine(Updates.push("acks", ackDocument(ack)), Updates.set("acknowledged", acknowledged),
                        Updates.inc("rev", 1L)))
                .getMatchedCount() == 1;
    }

    private static Document ackDocument(StoredAlert.Ack k) {
        return new Document("by", k.by()).append("comment", k.comment()).append("at", Mongo.date(k.at()))
                .append("sequence", k.sequence());
    }

    /** Alerts in a segment at one of the severities whose event time lies within [from, to]. */
    public List<AlertState> inSegment(BorderSegment segment, Collection<Severity> severities, Instant from,
                                      Instant to) {
        List<AlertState> out = new ArrayList<>();
        alerts().find(Filters.and(Filters.eq("segment", segment.name()),
                        Filters.in("severity", severities.stream().map(Enum::name).toList()),
                        Filters.gte("windowTo", Mongo.date(from)), Filters.lte("windowFrom", Mongo.date(to))))
                .forEach(d -> out.add(Json.read(d.getString("state"), AlertState.class)));
        return out;
    }

    /**
     * Where a repeat pass stopped: the last alert it looked at, in the order of {@link #repeatCandidates} (oldest
     * clock first, then {@code _id}).
     *
     * @param repeatFrom the alert's stored oldest clock; null for an alert stored without one (before repeat clocks
     *                   per subscription), which come first, as MongoDB sorts a missing field before every date
     */
    public record RepeatCursor(Instant repeatFrom, String alertId) {
        public RepeatCursor {
            java.util.Objects.requireNonNull(alertId, "alertId");
        }
    }

    /** An alert the repeat job is to look at, and its place in the job's order. */
    public record RepeatCandidate(UUID incidentId, RepeatCursor at) {
    }

    /**
     * Firing alerts at one of the severities whose oldest repeat clock that counts ({@code repeatFrom}, see
     * {@code AlertLifecycle.repeatFrom}) is at or before the cutoff: those a repeat may be due for. Oldest clock
     * first (then {@code _id}), after {@code after} (null: from the start), at most {@code limit}, so that a caller
     * pages through all of them; only the ids and the sort key are read. An alert that can never be repeated
     * (REFUTED, resolved) is stored with a null {@code repeatFrom} and never matches. An alert stored before
     * per-subscription clocks has no {@code repeatFrom}: its last message is every clock it has, and it comes
     * first.
     */
    public List<RepeatCandidate> repeatCandidates(Collection<Severity> severities, Instant cutoff,
                                                  RepeatCursor after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(repeatDue(severities, cutoff)));
        if (after != null) {
            filters.add(after.repeatFrom() == null
                    ? Filters.or(Filters.and(Filters.exists("repeatFrom", false), Filters.gt("_id", after.alertId())),
                    Filters.exists("repeatFrom", true))
                    : Filters.or(Filters.gt("repeatFrom", Mongo.date(after.repeatFrom())),
                    Filters.and(Filters.eq("repeatFrom", Mongo.date(after.repeatFrom())),
                            Filters.gt("_id", after.alertId()))));
        }
        List<RepeatCandidate> out = new ArrayList<>();
        alerts().find(Filters.and(filters))
                .projection(com.mongodb.client.model.Projections.include("incidentId", "repeatFrom"))
                .sort(Sorts.orderBy(Sorts.ascending("repeatFrom"), Sorts.ascending("_id")))
                .limit(limit)
                .forEach(d -> out.add(new RepeatCandidate(UUID.fromString(d.getString("incidentId")),
                        new RepeatCursor(Mongo.instant(d, "repeatFrom"), d.getString("_id")))));
        return out;
    }

    /** How many alerts {@link #repeatCandidates} finds from the start. */
    public long countRepeatCandidates(Collection<Severity> severities, Instant cutoff) {
        return alerts().countDocuments(repeatDue(severities, cutoff));
    }

    private static Bson repeatDue(Collection<Severity> severities, Instant cutoff) {
        return Filters.and(Filters.eq("status", AlertStatus.FIRING.name()),
                Filters.in("severity", severities.stream().map(Enum::name).toList()),
                Filters.or(Filters.lte("repeatFrom", Mongo.date(cutoff)),
                        Filters.and(Filters.exists("repeatFrom", false),
                                Filters.lte("lastNotifiedAt", Mongo.date(cutoff)))));
    }

    /**
     * Stores the repeat clocks that count and the oldest of them ({@code repeatFrom}, null: never repeated) of an
     * alert a repeat pass found not due, unless the alert changed since it was read at {@code rev} (then its own
     * write stored them) or its {@code repeatFrom} is that already: so the pass does not find it again before a
     * repeat can be due. The revision stays: nothing a reader of the alert decides on changed.
     *
     * @return whether the alert was written
     */
    public boolean reschedule(UUID alertId, long rev, RepeatClocks clocks, Instant repeatFrom) {
        return alerts().updateOne(Filters.and(Filters.eq("_id", alertId.toString()), Filters.eq("rev", rev),
                        Filters.or(Filters.ne("repeatFrom", Mongo.date(repeatFrom)),
                                Filters.exists("repeatFrom", false))),
                Updates.combine(Updates.set("toldAt", clocksDocument(clocks)),
                        Updates.set("repeatFrom", Mongo.date(repeatFrom))))
                .getModifiedCount() == 1;
    }

    /**
     * What the alert list filters on: status (null: any); segments, severities, occurrences (the effective one) and
     * signals (carrying at least one), each "any of these" and null for no filter; the event-time window
     * overlapping {@code from}/{@code to} (null: open); {@code acknowledged} whether an acknowledgement reaches the
     * latest material message (null: either).
     */
    public record AlertQuery(String status, Set<String> segments, Set<String> severities, Set<String> occurrences,
                             Set<String> signals, Instant from, Instant to, Boolean acknowledged) {
    }

    /** Alerts matching the query, most recently notified first. */
    public List<StoredAlert> list(AlertQuery query, int page, int size) {
        List<StoredAlert> out = new ArrayList<>();
        alerts().find(listFilter(query))
                .sort(Sorts.orderBy(Sorts.descending("lastNotifiedAt"), Sorts.ascending("_id")))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) page * size)).limit(size)
                .forEach(d -> out.add(toStored(d)));
        return out;
    }

    /** How many alerts {@link #list} pages through. */
    public long count(AlertQuery query) {
        return alerts().countDocuments(listFilter(query));
    }

    private static Bson listFilter(AlertQuery q) {
        List<Bson> filters = new ArrayList<>();
        if (q.status() != null) {
            filters.add(Filters.eq("status", q.status()));
        }
        if (q.segments() != null) {
            filters.add(Filters.in("segment", q.segments()));
        }
        if (q.severities() != null) {
            filters.add(Filters.in("severity", q.severities()));
        }
        if (q.occurrences() != null) {
            filters.add(Filters.in("occurrence", q.occurrences()));
        }
        if (q.signals() != null) {
            filters.add(Filters.in("signals", q.signals()));
        }
        if (q.from() != null) {
            filters.add(Filters.gte("windowTo", Mongo.date(q.from())));
        }
        if (q.to() != null) {
            filters.add(Filters.lte("windowFrom", Mongo.date(q.to())));
        }
        if (q.acknowledged() != null) {
            filters.add(Filters.eq("acknowledged", q.acknowledged()));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    private static Document toDocument(StoredAlert a, long rev) {
        AlertState s = a.state();
        List<Document> messages = a.messages().stream().map(m -> new Document("sequence", m.alert().sequence())
                .append("event", m.alert().event().name())
                .append("reason", m.reason())
                .append("muted", m.muted())
                .append("leaveNotice", m.leaveNotice())
                .append("repeatTo", m.repeatTo() == null ? null : List.copyOf(m.repeatTo()))
                .append("alert", Json.write(m.alert()))).toList();
        List<Document> acks = a.acks().stream().map(AlertStore::ackDocument).toList();
        List<Document> pending = a.pending().stream().map(DeliveryStore::toDocument).toList();
        return new Document("_id", s.alertId().toString())
                .append("incidentId", s.incidentId().toString())
                .append("rev", rev)
                .append("segment", s.latest().segment().name())
                .append("severity", s.latest().severity().name())
                .append("status", s.status().name())
                .append("occurrence", effectiveOccurrence(s))
                .append("signals", signalNames(s))
                .append("windowFrom", s.latest().window() == null ? null
                        : Mongo.date(s.latest().window().from().toInstant()))
                .append("windowTo", s.latest().window() == null ? null
                        : Mongo.date(s.latest().window().to().toInstant()))
                .append("sequence", s.sequence())
                .append("lastNotifiedAt", Mongo.date(s.lastNotifiedAt()))
                .append("state", Json.write(s))
                .append("messages", messages)
                .append("told", new Document(new LinkedHashMap<>(a.told())))
                .append("toldAt", clocksDocument(a.clocks()))
                // null when it can never be repeated as it is: the repeat job's query never finds it
                .append("repeatFrom", Mongo.date(AlertLifecycle.repeatFrom(s, a.clocks())))
                .append("acks", acks)
                .append("acknowledged", Acknowledgements.acknowledged(a))
                .append("pending", pending)
                .append("pendingCount", pending.size())
                .append("silencedFiring", silencedFiring(a))
                .append("inhibitedBy", inhibitedBy(a));
    }

    /** Per subscription, its repeat clock ({@code toldAt}). */
    private static Document clocksDocument(RepeatClocks clocks) {
        Document toldAt = new Document();
        clocks.lastSentAt().forEach((id, at) -> toldAt.append(id, Mongo.date(at)));
        return toldAt;
    }

    /** Still firing and its latest message was held back by a silence: to be released when the silence ends. */
    static boolean silencedFiring(StoredAlert a) {
        return heldBack(a).filter(h -> h.kind() == HeldBack.Kind.SILENCED).isPresent();
    }

    /**
     * Still firing and its latest message was held back by inhibition: the inhibiting incident's id (to be released
     * when that incident stops muting it), else null.
     */
    static String inhibitedBy(StoredAlert a) {
        return heldBack(a).filter(h -> h.kind() == HeldBack.Kind.INHIBITED).map(HeldBack::by).orElse(null);
    }

    private static Optional<HeldBack> heldBack(StoredAlert a) {
        if (a.state().status() != AlertStatus.FIRING || a.messages().isEmpty()) {
            return Optional.empty();
        }
        return HeldBack.parse(a.messages().get(a.messages().size() - 1).muted());
    }

    private static StoredAlert toStored(Document d) {
        AlertState state = Json.read(d.getString("state"), AlertState.class);
        List<StoredAlert.Message> messages = d.getList("messages", Document.class, List.of()).stream()
                .map(m -> new StoredAlert.Message(Json.read(m.getString("alert"), Alert.class),
                        m.getString("reason"), m.getString("muted"),
                        Boolean.TRUE.equals(m.getBoolean("leaveNotice")),
                        m.get("repeatTo") == null ? null : Set.copyOf(m.getList("repeatTo", String.class))))
                .toList();
        Map<String, Long> told = new LinkedHashMap<>();
        Document toldDoc = d.get("told", Document.class);
        if (toldDoc != null) {
            toldDoc.forEach((k, v) -> told.put(k, ((Number) v).longValue()));
        }
        Document clocksDoc = d.get("toldAt", Document.class);
        RepeatClocks clocks;
        if (clocksDoc == null) {
            // stored before per-subscription repeat clocks: each subscription told counts from the alert's last message
            clocks = RepeatClocks.storedBefore(told.keySet(), state.lastNotifiedAt());
        } else {
            Map<String, Instant> at = new LinkedHashMap<>();
            clocksDoc.keySet().forEach(k -> at.put(k, Mongo.instant(clocksDoc, k)));
            clocks = new RepeatClocks(at);
        }
        List<StoredAlert.Ack> acks = d.getList("acks", Document.class, List.of()).stream()
                .map(k -> new StoredAlert.Ack(k.getString("by"), k.getString("comment"), Mongo.instant(k, "at"),
                        k.get("sequence") instanceof Number n ? n.longValue()
                                // stored before acknowledgements named their message: the one current then
                                : Acknowledgements.sequenceAt(messages, Mongo.instant(k, "at"))))
                .toList();
        List<OutboxRow> pending = d.getList("pending", Document.class, List.of()).stream()
                .map(DeliveryStore::toRow).toList();
        return new StoredAlert(state, ((Number) d.get("rev")).longValue(), messages, told, clocks, acks, pending);
    }

    private MongoCollection<Document> alerts() {
        return mongo.getCollection(ALERTS);
    }
}
