package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code deliveries} collection: the outbox and, once done, the audit of every delivery. Rows are claimed one
 * {@code findOneAndUpdate} each under a lease (no transactions); a worker that dies leaves its rows claimable again
 * when the lease runs out. Every change of a claimed row is conditional on the lease owner.
 */
@Repository
public class DeliveryStore implements InitializingBean {

    static final String DELIVERIES = "deliveries";
    private final MongoTemplate mongo;

    public DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(rows(), Indexes.ascending("status", "notBefore"), false, "status_notBefore");
        Mongo.index(rows(), Indexes.ascending("alertId", "createdAt"), false, "alert");
        Mongo.index(rows(), Indexes.ascending("status", "updatedAt"), false, "status_updated");
        Mongo.index(rows(), Indexes.ascending("groupKey", "status"), false, "group");
        // an operator's re-queue of a subscription's or a target's FAILED deliveries
        Mongo.index(rows(), Indexes.ascending("subscriptionId", "status"), false, "subscription_status");
        Mongo.index(rows(), Indexes.ascending("target", "status"), false, "target_status");
        Mongo.index(rows(), Indexes.ascending("requeueToken"), false, "requeue_token");
        // an operator's list of the outbox (GET /api/v1/deliveries: by status, oldest first) and an abandon's read-back
        Mongo.index(rows(), Indexes.ascending("status", "createdAt"), false, "status_created");
        Mongo.index(rows(), Indexes.ascending("abandonToken"), false, "abandon_token");
    }

    /**
     * When the open group of a group key is due: the earliest {@code notBefore} of its rows still waiting for their
     * first send (rows rescheduled after a failure do not count: they keep their own backoff).
     */
    public Optional<Instant> openGroupFlush(String groupKey) {
        Document d = rows().find(Filters.and(Filters.eq("groupKey", groupKey),
                        Filters.eq("status", DeliveryStatus.PENDING.name()), Filters.eq("attempts", 0),
                        Filters.eq("rounds", 0), Filters.eq("lastError", null)))
                .sort(Sorts.ascending("notBefore")).first();
        return Optional.ofNullable(d).map(x -> Mongo.instant(x, "notBefore"));
    }

    /** Copies a row into the outbox; false when it is there already (the key is the idempotency key). */
    public boolean insertIfAbsent(OutboxRow row) {
        return Mongo.insertIfAbsent(rows(), toDocument(row).append("updatedAt", Mongo.date(row.createdAt())));
    }

    /**
     * Copies rows into the outbox with ONE unordered {@code insertMany}; rows already there (same idempotency key,
     * e.g. after a crash or a redelivery) are left as they are. Returns how many were new.
     */
    public int insertAllIfAbsent(List<OutboxRow> rows) {
        return Mongo.insertAllIfAbsent(rows(), rows.stream()
                .map(r -> toDocument(r).append("updatedAt", Mongo.date(r.createdAt()))).toList());
    }

    private static Bson claimable(Instant now) {
        return Filters.or(
                Filters.and(Filters.eq("status", DeliveryStatus.PENDING.name()),
                        Filters.lte("notBefore", Mongo.date(now))),
                Filters.and(Filters.eq("status", DeliveryStatus.IN_FLIGHT.name()),
                        Filters.lt("leaseUntil", Mongo.date(now))));
    }

    public List<OutboxRow> findDue(Instant now, int limit) {
        return findDue(now, limit, List.of());
    }

    /**
     * The oldest claimable rows, leaving out those for the given targets (the targets this worker is sending to
     * now: their rows wait for their lane, and must not fill the page so that other targets' rows are not seen).
     */
    public List<OutboxRow> findDue(Instant now, int limit, Collection<String> exceptTargets) {
        Bson filter = exceptTargets.isEmpty() ? claimable(now)
                : Filters.and(claimable(now), Filters.nin("target", exceptTargets));
        List<OutboxRow> out = new ArrayList<>();
        rows().find(filter).sort(Sorts.ascending("createdAt")).limit(limit).forEach(d -> out.add(toRow(d)));
        return out;
    }

    /**
     * Claims those of the given rows that are still claimable, one {@code findOneAndUpdate} per row in the order of
     * {@code ids} (at most a lane's {@code max-batch}): the filter is the row's {@code _id} and "pending and due, or
     * in flight under a lease that ran out", the update sets this worker as owner with the lease, and the row comes
     * back as written. Each call is one atomic read-modify-write of one document — on MongoDB, and on the
     * MongoDB-wire store used locally, which runs a collection's {@code findAndModify} under that collection's lock —
     * so of two workers claiming a row at once exactly one gets it back; a row this worker still holds from an
     * earlier claim is not claimable, so it is not returned again either. Rows come back in the order of {@code ids}.
     */
    public List<OutboxRow> claimAll(List<String> ids, String owner, Instant now, Instant leaseUntil) {
        Bson lease = Updates.combine(Updates.set("status", DeliveryStatus.IN_FLIGHT.name()),
                Updates.set("leaseOwner", owner), Updates.set("leaseUntil", Mongo.date(leaseUntil)),
                Updates.set("updatedAt", Mongo.date(now)));
        FindOneAndUpdateOptions asWritten = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        List<OutboxRow> claimed = new ArrayList<>();
        for (String id : ids) {
            Document d = rows().findOneAndUpdate(Filters.and(Filters.eq("_id", id), claimable(now)), lease,
                    asWritten);
            if (d != null) {
                claimed.add(toRow(d));
            }
        }
        return claimed;
    }

    /** Gives claimed rows back unsent: pending again, due at once, no lease. */
    public void release(Collection<String> ids, String owner, Instant now) {
        write(outcomes(owner).release(ids, now));
    }

    public void delivered(Collection<String> ids, String owner, Instant now, Integer statusCode, int attempts,
                          String batchKey) {
        write(outcomes(owner).delivered(ids, now, statusCode, attempts, batchKey));
    }

    public void reschedule(Collection<String> ids, String owner, Instant now, Instant notBefore, String reason,
                           Integer statusCode, int attempts, int rounds) {
        write(outcomes(owner).reschedule(ids, now, notBefore, reason, statusCode, attempts, rounds));
    }

    public void failed(Collection<String> ids, String owner, Instant now, String reason, Integer statusCode,
                       int attempts) {
        write(outcomes(owner).failed(ids, now, reason, statusCode, attempts));
    }

    /** Collects the outcomes of one claim's notifications so that {@link #write} stores them together. */
    public Outcomes outcomes(String owner) {
        return new Outcomes(owner);
    }

    /**
     * Stores collected outcomes with ONE unordered {@code bulkWrite} (one {@code updateMany} per notification,
     * each conditional on the lease owner as always); nothing when there are none.
     */
    public void write(Outcomes outcomes) {
        if (!outcomes.writes.isEmpty()) {
            rows().bulkWrite(List.copyOf(outcomes.writes), new BulkWriteOptions().ordered(false));
            outcomes.writes.clear();
        }
    }

    /**
     * The outcomes of claimed rows, not yet written: each call adds one conditional {@code updateMany} (rows this
     * owner still holds) to be sent with the others by {@link DeliveryStore#write}.
     * ({@code leaseToken} is unset too: rows claimed before claims were one {@code findOneAndUpdate} per row carry one.)
     */
    public static final class Outcomes {

        private final String owner;
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        private Outcomes(String owner) {
            this.owner = owner;
        }

        public int pending() {
            return writes.size();
        }

        /** Pending again, due at once, no lease. */
        public Outcomes release(Collection<String> ids, Instant now) {
            return add(ids, Updates.combine(
                    Updates.set("status", DeliveryStatus.PENDING.name()), Updates.set("updatedAt", Mongo.date(now)),
                    Updates.unset("leaseOwner"), Updates.unset("leaseToken"), Updates.unset("leaseUntil")));
        }

        public Outcomes delivered(Collection<String> ids, Instant now, Integer statusCode, int attempts,
                                  String batchKey) {
            return add(ids, Updates.combine(
                    Updates.set("status", DeliveryStatus.DELIVERED.name()),
                    Updates.set("deliveredAt", Mongo.date(now)), Updates.set("updatedAt", Mongo.date(now)),
                    Updates.set("statusCode", statusCode), Updates.set("batchKey", batchKey),
                    Updates.unset("leaseOwner"), Updates.unset("leaseToken"), Updates.unset("leaseUntil"),
                    Updates.inc("attempts", attempts)));
        }

        public Outcomes reschedule(Collection<String> ids, Instant now, Instant notBefore, String reason,
                                   Integer statusCode, int attempts, int rounds) {
            return add(ids, Updates.combine(
                    Updates.set("status", DeliveryStatus.PENDING.name()),
                    Updates.set("notBefore", Mongo.date(notBefore)), Updates.set("updatedAt", Mongo.date(now)),
                    Updates.set("lastError", reason), Updates.set("statusCode", statusCode),
                    Updates.unset("leaseOwner"), Updates.unset("leaseToken"), Updates.unset("leaseUntil"),
                    Updates.inc("attempts", attempts), Updates.inc("rounds", rounds)));
        }

        public Outcomes failed(Collection<String> ids, Instant now, String reason, Integer statusCode,
                               int attempts) {
            return failed(ids, now, reason, statusCode, attempts, null);
        }

        /**
         * FAILED with the reason; {@code batchKey} is the idempotency key of the notification that carried the rows
         * (kept, so that a re-queue sends the same notification under the same key).
         */
        public Outcomes failed(Collection<String> ids, Instant now, String reason, Integer statusCode,
                               int attempts, String batchKey) {
            List<Bson> updates = new ArrayList<>(List.of(
                    Updates.set("status", DeliveryStatus.FAILED.name()), Updates.set("updatedAt", Mongo.date(now)),
                    Updates.set("lastError", reason), Updates.set("statusCode", statusCode),
                    Updates.unset("leaseOwner"), Updates.unset("leaseToken"), Updates.unset("leaseUntil"),
                    Updates.inc("attempts", attempts), Updates.inc("rounds", 1)));
            if (batchKey != null) {
                updates.add(Updates.set("batchKey", batchKey));
            }
            return add(ids, Updates.combine(updates));
        }

        private Outcomes add(Collection<String> ids, Bson update) {
            if (!ids.isEmpty()) {
                writes.add(new UpdateManyModel<>(owned(ids, owner), update));
            }
            return this;
        }
    }

    /**
     * Puts FAILED rows back into the outbox for one more delivery: pending and due now, attempts and rounds back to
     * 0 (so the worker's retries and rounds start afresh), the batch key of the notification they failed in kept
     * (or their own key), so they are sent again as that notification under the same idempotency key. Rows that
     * are not FAILED (any more) are left alone. {@code lastError} stays as it was until the next attempt, so a
     * re-queued row is never taken for a new group's first row.
     *
     * @param filter which rows (only the FAILED ones among them are taken)
     * @return the rows re-queued by this call
     */
    public List<OutboxRow> requeueFailed(Bson filter, String actor, String reason, Instant now) {
        String token = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>();
        rows().find(Filters.and(filter, Filters.eq("status", DeliveryStatus.FAILED.name()))).forEach(d -> {
            String batchKey = d.getString("batchKey") != null ? d.getString("batchKey") : d.getString("_id");
            writes.add(new UpdateManyModel<>(Filters.and(Filters.eq("_id", d.getString("_id")),
                    Filters.eq("status", DeliveryStatus.FAILED.name())), Updates.combine(
                    Updates.set("status", DeliveryStatus.PENDING.name()), Updates.set("notBefore", Mongo.date(now)),
                    Updates.set("updatedAt", Mongo.date(now)), Updates.set("attempts", 0), Updates.set("rounds", 0),
                    Updates.set("batchKey", batchKey), Updates.set("requeuedAt", Mongo.date(now)),
                    Updates.set("requeuedBy", actor), Updates.set("requeueReason", reason),
                    Updates.set("requeueToken", token), Updates.inc("requeues", 1),
                    Updates.set("failedBefore", d.getString("lastError")))));
        });
        if (writes.isEmpty()) {
            return List.of();
        }
        rows().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        List<OutboxRow> out = new ArrayList<>();
        rows().find(Filters.eq("requeueToken", token)).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(d -> out.add(toRow(d)));
        return out;
    }

    /** The subscriptions that have FAILED rows among those the filter selects. */
    public List<String> failedSubscriptions(Bson filter) {
        List<String> out = new ArrayList<>();
        rows().distinct("subscriptionId", Filters.and(filter, Filters.eq("status", DeliveryStatus.FAILED.name())),
                String.class).forEach(out::add);
        return out;
    }

    /** The rows of the notification a row was sent in (its batch key), or the row alone. */
    public List<OutboxRow> sameNotification(OutboxRow row) {
        if (row.batchKey() == null || row.batchKey().equals(row.id())) {
            return List.of(row);
        }
        List<OutboxRow> out = new ArrayList<>();
        rows().find(Filters.and(Filters.eq("subscriptionId", row.subscriptionId()),
                        Filters.eq("batchKey", row.batchKey())))
                .sort(Sorts.ascending("createdAt", "_id")).forEach(d -> out.add(toRow(d)));
        return out.isEmpty() ? List.of(row) : out;
    }

    /**
     * The ids of these rows and of the other rows of the notifications they were sent in (a grouped or digest
     * notification is acted on whole), in the order given.
     */
    public java.util.Set<String> withTheirNotifications(List<OutboxRow> rows) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (OutboxRow row : rows) {
            ids.add(row.id());
            if (row.batchKey() != null && !row.batchKey().equals(row.id())) {
                sameNotification(row).forEach(r -> ids.add(r.id()));
            }
        }
        return ids;
    }

    public List<OutboxRow> byAlert(UUID alertId) {
        List<OutboxRow> out = new ArrayList<>();
        rows().find(Filters.eq("alertId", alertId.toString())).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(d -> out.add(toRow(d)));
        return out;
    }

    public Optional<OutboxRow> find(String id) {
        return Optional.ofNullable(rows().find(Filters.eq("_id", id)).first()).map(DeliveryStore::toRow);
    }

    public long backlog() {
        return rows().countDocuments(Filters.in("status", DeliveryStatus.PENDING.name(),
                DeliveryStatus.IN_FLIGHT.name()));
    }

    /**
     * Deletes finished rows last changed before the cutoff (the expiry job; no TTL index on the wire store), all three
     * finished statuses, in batches of 1000.
     */
    public long expire(Instant before) {
        return purge(List.of(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED, DeliveryStatus.ABANDONED), before, 1000);
    }

    /**
     * Deletes rows of the given (finished) statuses last changed before the cutoff, {@code batch} at a time: the ids of
     * the oldest ones are read (index {@code status_updated}), then deleted by id with the same condition, until a
     * read finds fewer than a batch — so no single delete holds the collection's lock for long, and rows changed
     * meanwhile (a re-queue of a FAILED row) are left alone.
     *
     * @return how many rows were deleted
     */
    public long purge(Collection<DeliveryStatus> statuses, Instant before, int batch) {
        if (statuses.stream().anyMatch(st -> st == DeliveryStatus.PENDING || st == DeliveryStatus.IN_FLIGHT)) {
            throw new IllegalArgumentException("only finished rows are purged, not " + statuses);
        }
        Bson old = Filters.and(Filters.in("status", statuses.stream().map(Enum::name).toList()),
                Filters.lt("updatedAt", Mongo.date(before)));
        return Mongo.deleteInBatches(rows(), old, batch);
    }

    /**
     * What an operator filters the outbox on ({@code GET /api/v1/deliveries}); a null or empty member means any.
     *
     * @param createdBefore rows created before this instant (the list's {@code olderThan})
     * @param createdAfter  rows created at or after this instant (a bulk action's filter)
     */
    public record Query(java.util.Set<DeliveryStatus> statuses, java.util.Set<String> channels, String subscriptionId,
                        String target, Instant createdBefore, Instant createdAfter) {

        public Query(java.util.Set<DeliveryStatus> statuses, java.util.Set<String> channels, String subscriptionId,
                     String target, Instant createdBefore) {
            this(statuses, channels, subscriptionId, target, createdBefore, null);
        }

        Bson filter() {
            List<Bson> all = new ArrayList<>();
            if (statuses != null && !statuses.isEmpty()) {
                all.add(Filters.in("status", statuses.stream().map(Enum::name).toList()));
            }
            if (channels != null && !channels.isEmpty()) {
                all.add(Filters.in("channel", channels));
            }
            if (subscriptionId != null) {
                all.add(Filters.eq("subscriptionId", subscriptionId));
            }
            if (target != null) {
                all.add(Filters.eq("target", target));
            }
            if (createdBefore != null) {
                all.add(Filters.lt("createdAt", Mongo.date(createdBefore)));
            }
            if (createdAfter != null) {
                all.add(Filters.gte("createdAt", Mongo.date(createdAfter)));
            }
            return all.isEmpty() ? new Document() : Filters.and(all);
        }
    }

    /**
     * A row with what the outbox and operators did to it beyond the delivery itself: when it last changed, its
     * lease, its re-queues and, once given up deliberately, who abandoned it, when, why and what it was before.
     */
    public record Handled(OutboxRow row, Instant updatedAt, Instant leaseUntil, int requeues, Instant requeuedAt,
                          String requeuedBy, String requeueReason, Instant abandonedAt, String abandonedBy,
                          String abandonReason, String statusBefore) {

        static Handled of(Document d) {
            return new Handled(toRow(d), Mongo.instant(d, "updatedAt"), Mongo.instant(d, "leaseUntil"),
                    d.get("requeues") instanceof Number n ? n.intValue() : 0, Mongo.instant(d, "requeuedAt"),
                    d.getString("requeuedBy"), d.getString("requeueReason"), Mongo.instant(d, "abandonedAt"),
                    d.getString("abandonedBy"), d.getString("abandonReason"), d.getString("statusBefore"));
        }
    }

    /** A page of the rows the query selects, oldest first (then by id). */
    public List<Handled> find(Query query, int page, int size) {
        List<Handled> out = new ArrayList<>();
        rows().find(query.filter()).sort(Sorts.ascending("createdAt", "_id")).skip(page * size).limit(size)
                .forEach(d -> out.add(Handled.of(d)));
        return out;
    }

    public long count(Query query) {
        return rows().countDocuments(query.filter());
    }

    /**
     * What a bulk action may change among the rows the query selects: {@code abandonable} (see {@link #abandon}) or
     * FAILED rows of subscriptions other than {@code deletedSubscriptions} (a re-queue).
     */
    public static Bson changeable(boolean abandon, Instant now, Collection<String> deletedSubscriptions) {
        if (abandon) {
            return abandonable(now);
        }
        Bson failed = Filters.eq("status", DeliveryStatus.FAILED.name());
        return deletedSubscriptions.isEmpty() ? failed
                : Filters.and(failed, Filters.nin("subscriptionId", deletedSubscriptions));
    }

    /** How many rows the query selects that also meet {@code extra}. */
    public long count(Query query, Bson extra) {
        return rows().countDocuments(Filters.and(query.filter(), extra));
    }

    /** The oldest {@code limit} rows (then by id) the query selects that also meet {@code extra}. */
    public List<OutboxRow> oldest(Query query, Bson extra, int limit) {
        List<OutboxRow> out = new ArrayList<>();
        rows().find(Filters.and(query.filter(), extra)).sort(Sorts.ascending("createdAt", "_id")).limit(limit)
                .forEach(d -> out.add(toRow(d)));
        return out;
    }

    /** The subscriptions of the rows the query selects with the given status. */
    public List<String> subscriptionsOf(Query query, DeliveryStatus status) {
        List<String> out = new ArrayList<>();
        rows().distinct("subscriptionId", Filters.and(query.filter(), Filters.eq("status", status.name())),
                String.class).forEach(out::add);
        return out;
    }

    public Optional<Handled> findHandled(String id) {
        return Optional.ofNullable(rows().find(Filters.eq("_id", id)).first()).map(Handled::of);
    }

    /** Rows an operator may give up on now: waiting, FAILED, or in flight under a lease that ran out. */
    private static Bson abandonable(Instant now) {
        return Filters.or(
                Filters.in("status", DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED.name()),
                Filters.and(Filters.eq("status", DeliveryStatus.IN_FLIGHT.name()),
                        Filters.lt("leaseUntil", Mongo.date(now))));
    }

    /**
     * Gives up on rows deliberately (see {@code Abandonment}): each one that is still abandonable becomes ABANDONED
     * with who, when, why and the status it had, its lease cleared (a worker whose lease ran out can no longer store
     * an outcome: those writes are conditional on the lease owner). Each row is one conditional update, so a row
     * claimed or delivered meanwhile is left alone. The worker never claims an ABANDONED row and the backlog does
     * not count it.
     *
     * @return the rows abandoned by this call
     */
    public List<Handled> abandon(Collection<String> ids, String actor, String reason, Instant now) {
        String token = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>();
        rows().find(Filters.and(Filters.in("_id", ids), abandonable(now))).forEach(d ->
                writes.add(new UpdateManyModel<>(Filters.and(Filters.eq("_id", d.getString("_id")),
                        Filters.eq("status", d.getString("status")), abandonable(now)), Updates.combine(
                        Updates.set("status", DeliveryStatus.ABANDONED.name()),
                        Updates.set("statusBefore", d.getString("status")),
                        Updates.set("updatedAt", Mongo.date(now)), Updates.set("abandonedAt", Mongo.date(now)),
                        Updates.set("abandonedBy", actor), Updates.set("abandonReason", reason),
                        Updates.set("abandonToken", token), Updates.unset("leaseOwner"),
                        Updates.unset("leaseToken"), Updates.unset("leaseUntil")))));
        if (writes.isEmpty()) {
            return List.of();
        }
        rows().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        List<Handled> out = new ArrayList<>();
        rows().find(Filters.eq("abandonToken", token)).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(d -> out.add(Handled.of(d)));
        return out;
    }

    /**
     * Records a row that never reached the outbox (an operator took it out of its alert document, where the relay
     * could not copy it) as ABANDONED, so that it is listed and shown with the alert's deliveries like any other.
     *
     * @param held the row as it was held in the alert document
     * @return false when a row with that key is in the outbox already (the relay copied it meanwhile)
     */
    public boolean insertAbandoned(Document held, String actor, String reason, Instant now) {
        Document d = new Document(held);
        d.put("statusBefore", "UNRELAYED");
        d.put("status", DeliveryStatus.ABANDONED.name());
        d.put("updatedAt", Mongo.date(now));
        d.put("abandonedAt", Mongo.date(now));
        d.put("abandonedBy", actor);
        d.put("abandonReason", reason);
        return Mongo.insertIfAbsent(rows(), d);
    }

    private static Bson owned(Collection<String> ids, String owner) {
        return Filters.and(Filters.in("_id", ids), Filters.eq("leaseOwner", owner));
    }

    static Document toDocument(OutboxRow r) {
        return new Document("_id", r.id())
                .append("alertId", r.alertId().toString())
                .append("incidentId", r.incidentId().toString())
                .append("sequence", r.sequence())
                .append("event", r.event())
                .append("subscriptionId", r.subscriptionId())
                .append("subscriptionName", r.subscriptionName())
                .append("channel", r.channel())
                .append("target", r.target())
                .append("groupKey", r.groupKey())
                .append("status", r.status().name())
                .append("notBefore", Mongo.date(r.notBefore()))
                .append("createdAt", Mongo.date(r.createdAt()))
                .append("receivedAt", Mongo.date(r.receivedAt()))
                .append("attempts", r.attempts())
                .append("rounds", r.rounds())
                .append("lastError", r.lastError())
                .append("statusCode", r.statusCode())
                .append("deliveredAt", Mongo.date(r.deliveredAt()))
                .append("batchKey", r.batchKey())
                .append("alert", r.alertJson())
                .append("noLongerMatching", r.noLongerMatching());
    }

    static OutboxRow toRow(Document d) {
        return new OutboxRow(d.getString("_id"), UUID.fromString(d.getString("alertId")),
                UUID.fromString(d.getString("incidentId")), ((Number) d.get("sequence")).longValue(),
                d.getString("event"), d.getString("subscriptionId"), d.getString("subscriptionName"),
                d.getString("channel"), d.getString("target"), d.getString("groupKey"),
                DeliveryStatus.valueOf(d.getString("status")), Mongo.instant(d, "notBefore"),
                Mongo.instant(d, "createdAt"), Mongo.instant(d, "receivedAt"),
                d.get("attempts") == null ? 0 : ((Number) d.get("attempts")).intValue(),
                d.get("rounds") == null ? 0 : ((Number) d.get("rounds")).intValue(),
                d.getString("lastError"), d.getInteger("statusCode"), Mongo.instant(d, "deliveredAt"),
                d.getString("batchKey"), d.getString("alert"), d.getString("noLongerMatching"));
    }

    private MongoCollection<Document> rows() {
        return mongo.getCollection(DELIVERIES);
    }
}
