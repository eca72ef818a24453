package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live stream's log: every alert message that was not muted, under a cursor with one global order
 * ({@code stream_events}, {@code _id} = cursor). Cursors come from a counter document incremented with
 * {@code findOneAndUpdate} (one atomic document write, no transaction), so every replica agrees on them. An
 * append is idempotent on the message's key (alert id + sequence); a cursor taken by an append that then found
 * the message already there (or that died) stays unused: readers skip such gaps after a short wait.
 * Kept for the replay window, then deleted by the expiry job ({@link #expire}); the counter remembers up to which
 * cursor messages were deleted, so a client asking to resume from an older cursor can be told.
 */
@Repository
public class StreamLogStore implements InitializingBean {

    static final String EVENTS = "stream_events";
    static final String COUNTER = "stream_cursor";
    private static final String COUNTER_ID = "stream";
    private final MongoTemplate mongo;

    public StreamLogStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One stored stream message. */
    public record StreamEvent(long cursor, Alert alert) {
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(events(), Indexes.ascending("key"), true, "key");
        Mongo.index(events(), Indexes.ascending("at"), false, "at");
        // where a resuming stream client stood with an incident: its latest message up to a cursor
        Mongo.index(events(), Indexes.ascending("alertId", "_id"), false, "alert_cursor");
    }

    /** The message key: one stream entry per alert message. */
    public static String keyOf(Alert alert) {
        return alert.alertId() + "-" + alert.sequence();
    }

    /**
     * Appends the message unless it is there already.
     *
     * @return its cursor (the existing one when it was appended before)
     */
    public long append(Alert alert, String alertJson, Instant at) {
        String key = keyOf(alert);
        Long existing = cursorOf(key);
        if (existing != null) {
            return existing;
        }
        Document counter = counter().findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc("allocated", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long cursor = ((Number) counter.get("allocated")).longValue();
        Document doc = new Document("_id", cursor)
                .append("key", key)
                .append("at", Mongo.date(at))
                .append("alertId", alert.alertId().toString())
                .append("segment", alert.segment().name())
                .append("severity", alert.severity().name())
                .append("alert", alertJson);
        if (Mongo.insertIfAbsent(events(), doc)) {
            return cursor;
        }
        Long winner = cursorOf(key);
        if (winner == null) {
            throw new IllegalStateException("stream cursor " + cursor + " taken twice");
        }
        return winner;
    }

    private Long cursorOf(String key) {
        Document d = events().find(Filters.eq("key", key)).projection(Projections.include("_id")).first();
        return d == null ? null : ((Number) d.get("_id")).longValue();
    }

    /** Messages with a cursor in ({@code after}, {@code upTo}], in cursor order, at most {@code limit}. */
    public List<StreamEvent> after(long after, long upTo, int limit) {
        List<StreamEvent> out = new ArrayList<>();
        events().find(Filters.and(Filters.gt("_id", after), Filters.lte("_id", upTo)))
                .sort(Sorts.ascending("_id")).limit(limit)
                .forEach(d -> out.add(new StreamEvent(((Number) d.get("_id")).longValue(),
                        Json.read(d.getString("alert"), Alert.class))));
        return out;
    }

    /** The alert's latest message with a cursor at or below {@code upTo}, if the log still has one. */
    public java.util.Optional<StreamEvent> latestOf(java.util.UUID alertId, long upTo) {
        Document d = events().find(Filters.and(Filters.eq("alertId", alertId.toString()), Filters.lte("_id", upTo)))
                .sort(Sorts.descending("_id")).first();
        return java.util.Optional.ofNullable(d).map(x -> new StreamEvent(((Number) x.get("_id")).longValue(),
                Json.read(x.getString("alert"), Alert.class)));
    }

    /** The highest cursor stored (0 when the log is empty). */
    public long head() {
        Document d = events().find().sort(Sorts.descending("_id")).projection(Projections.include("_id")).first();
        return d == null ? 0 : ((Number) d.get("_id")).longValue();
    }

    /** The highest cursor ever handed out and the cursor up to which messages were deleted. */
    public record Bounds(long allocated, long purgedThrough) {
    }

    public Bounds bounds() {
        Document d = counter().find(Filters.eq("_id", COUNTER_ID)).first();
        if (d == null) {
            return new Bounds(0, 0);
        }
        return new Bounds(number(d, "allocated"), number(d, "purgedThrough"));
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /**
     * Deletes the messages written before the cutoff (a prefix of the log: everything up to the newest such
     * cursor), recording the deleted range first so that no reader takes a cursor inside it for a complete one.
     *
     * @return how many messages were deleted
     */
    public long expire(Instant cutoff) {
        Document newest = events().find(Filters.lt("at", Mongo.date(cutoff))).sort(Sorts.descending("_id"))
                .projection(Projections.include("_id")).first();
        if (newest == null) {
            return 0;
        }
        long through = ((Number) newest.get("_id")).longValue();
        counter().updateOne(Filters.eq("_id", COUNTER_ID), Updates.max("purgedThrough", through));
        return events().deleteMany(Filters.lte("_id", through)).getDeletedCount();
    }

    private MongoCollection<Document> events() {
        return mongo.getCollection(EVENTS);
    }

    private MongoCollection<Document> counter() {
        return mongo.getCollection(COUNTER);
    }
}
