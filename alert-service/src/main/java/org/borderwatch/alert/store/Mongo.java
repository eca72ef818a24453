package org.borderwatch.alert.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Small helpers shared by the stores: dates, duplicate keys, index creation. */
final class Mongo {

    private Mongo() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** Inserts; returns false when a document with the same unique key exists already. */
    static boolean insertIfAbsent(MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts all documents in one unordered {@code insertMany}; a document whose unique key exists already is
     * skipped, the others are inserted. Returns how many were inserted. Any error other than a duplicate key is
     * thrown.
     */
    static int insertAllIfAbsent(MongoCollection<Document> collection, List<Document> docs) {
        if (docs.isEmpty()) {
            return 0;
        }
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
            return docs.size();
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> errors = e.getWriteErrors();
            if (e.getWriteConcernError() != null || errors.isEmpty() || !errors.stream()
                    .allMatch(w -> w.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return docs.size() - errors.size();
        }
    }

    static boolean isDuplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                || e instanceof org.springframework.dao.DuplicateKeyException
                || (e instanceof com.mongodb.MongoCommandException c && c.getErrorCode() == 11000);
    }

    /**
     * Deletes the documents matching {@code filter} in batches (the wire store has no TTL indexes, and one
     * {@code deleteMany} over a year of rows would hold the collection for long): up to {@code batch} ids are read,
     * then deleted by id under the same filter, until a read finds fewer than a batch.
     *
     * @return how many documents were deleted
     */
    static long deleteInBatches(MongoCollection<Document> collection, Bson filter, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        long deleted = 0;
        while (true) {
            List<Object> ids = new java.util.ArrayList<>();
            collection.find(filter).projection(new Document("_id", 1)).limit(batch)
                    .forEach(d -> ids.add(d.get("_id")));
            if (ids.isEmpty()) {
                return deleted;
            }
            deleted += collection.deleteMany(com.mongodb.client.model.Filters.and(
                    com.mongodb.client.model.Filters.in("_id", ids), filter)).getDeletedCount();
            if (ids.size() < batch) {
                return deleted;
            }
        }
    }

    static void index(MongoCollection<Document> collection, Bson keys, boolean unique, String name) {
        collection.createIndex(keys, new IndexOptions().unique(unique).name(name));
    }
}
