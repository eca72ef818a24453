package org.borderwatch.alert.store;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the store, checked the same way on real MongoDB and on the MongoDB-wire store used locally (Boot's own
 * Mongo indicator sends {@code hello} to every database, which the wire store does not answer; it is switched off
 * with {@code management.health.mongodb.enabled=false}).
 */
@Component("store")
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public StoreHealthIndicator(MongoTemplate mongo) {
        super("store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long verdicts = mongo.getCollection(VerdictStore.LATEST).estimatedDocumentCount();
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("verdicts", verdicts);
    }
}
