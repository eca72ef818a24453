package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code audit} collection: who reviewed, acknowledged, silenced, subscribed or deleted what, and when. */
@Repository
public class AuditStore implements InitializingBean {

    static final String AUDIT = "audit";
    private final MongoTemplate mongo;

    public AuditStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(audit(), Indexes.ascending("target", "at"), false, "target_at");
        Mongo.index(audit(), Indexes.ascending("actor", "at"), false, "actor_at");
        // GET /api/v1/audit: by action, and the whole audit newest first
        Mongo.index(audit(), Indexes.ascending("action", "at"), false, "action_at");
        Mongo.index(audit(), Indexes.descending("at"), false, "at_desc");
    }

    /** Every action written to the audit, with the target it names (its kind before the colon). */
    public static final Set<String> ACTIONS = Set.of("ack", "requeue-delivery", "abandon-delivery", "review",
            "silence", "unsilence", "subscribe", "unsubscribe");

    /** The kinds of target: {@code alert:<alertId>}, {@code incident:<incidentId>}, {@code silence:<id>}, … */
    public static final Set<String> TARGET_KINDS = Set.of("alert", "incident", "silence", "subscription");

    /**
     * A search of the audit; every field null (or empty) means "any".
     *
     * @param actions any of these actions
     * @param from    entries at or after
     * @param to      entries at or before
     */
    public record Query(String target, String actor, Set<String> actions, Instant from, Instant to) {
    }

    public record Entry(String id, String actor, String action, String target, String detail, Instant at) {
    }

    public void record(String actor, String action, String target, String detail, Instant at) {
        audit().insertOne(new Document("_id", UUID.randomUUID().toString()).append("actor", actor)
                .append("action", action).append("target", target).append("detail", detail)
                .append("at", Mongo.date(at)));
    }

    /**
     * Deletes the entries recorded before the cutoff, {@code batch} at a time (the retention job; index
     * {@code at_desc}).
     *
     * @return how many entries were deleted
     */
    public long purgeBefore(Instant cutoff, int batch) {
        return Mongo.deleteInBatches(audit(), Filters.lt("at", Mongo.date(cutoff)), batch);
    }

    public List<Entry> forTarget(String target) {
        List<Entry> out = new ArrayList<>();
        audit().find(Filters.eq("target", target)).sort(Sorts.ascending("at")).forEach(d -> out.add(entry(d)));
        return out;
    }

    /** One page of the entries matching {@code query}, newest first. */
    public List<Entry> find(Query query, int page, int size) {
        List<Entry> out = new ArrayList<>();
        audit().find(filter(query)).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) page * size)).limit(size).forEach(d -> out.add(entry(d)));
        return out;
    }

    public long count(Query query) {
        return audit().countDocuments(filter(query));
    }

    private static Bson filter(Query q) {
        List<Bson> parts = new ArrayList<>();
        if (q.target() != null) {
            parts.add(Filters.eq("target", q.target()));
        }
        if (q.actor() != null) {
            parts.add(Filters.eq("actor", q.actor()));
        }
        if (q.actions() != null && !q.actions().isEmpty()) {
            parts.add(Filters.in("action", q.actions()));
        }
        if (q.from() != null) {
            parts.add(Filters.gte("at", Mongo.date(q.from())));
        }
        if (q.to() != null) {
            parts.add(Filters.lte("at", Mongo.date(q.to())));
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("actor"), d.getString("action"), d.getString("target"),
                d.getString("detail"), Mongo.instant(d, "at"));
    }

    private MongoCollection<Document> audit() {
        return mongo.getCollection(AUDIT);
    }
}
