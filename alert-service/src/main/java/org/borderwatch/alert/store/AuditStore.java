package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    }

    public record Entry(String id, String actor, String action, String target, String detail, Instant at) {
    }

    public void record(String actor, String action, String target, String detail, Instant at) {
        audit().insertOne(new Document("_id", UUID.randomUUID().toString()).append("actor", actor)
                .append("action", action).append("target", target).append("detail", detail)
                .append("at", Mongo.date(at)));
    }

    public List<Entry> forTarget(String target) {
        List<Entry> out = new ArrayList<>();
        audit().find(Filters.eq("target", target)).sort(Sorts.ascending("at")).forEach(d -> out.add(
                new Entry(d.getString("_id"), d.getString("actor"), d.getString("action"), d.getString("target"),
                        d.getString("detail"), Mongo.instant(d, "at"))));
        return out;
    }

    private MongoCollection<Document> audit() {
        return mongo.getCollection(AUDIT);
    }
}
