package org.borderwatch.classifier.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Stance;

/**
 * Audit 4-5, gap 1: the reports waiting for {@code classifier.reorder-delay}, as entries {@code held:<order>} of the
 * processor's changelogged store (so a held report is in the same exactly-once transaction as its input offset and, once
 * taken, as the assessments it caused: nothing is lost or taken twice across a crash or restart).
 *
 * <p>The input's tasks (one per partition of {@code border.reports.normalized}) write into the one-partition
 * repartition topic in processing order, not publication order: a year of history sent in publication order reached
 * the engine June before February. Each arriving report is therefore held, and the held reports are taken in
 * publication order ({@link org.borderwatch.classifier.replay.Replayer#PUBLICATION_ORDER}: the key sorts that way)
 * under one rule: <em>the first held report is taken once it has been held for the delay; the others wait behind
 * it</em>. So if a report R is taken at wall-clock time T while another report E published before it had not arrived
 * yet, R had been held since T − delay at the latest and E arrives after T: they arrived more than the delay apart.
 * Reports arriving within the delay of each other always reach the engine in publication order.
 */
final class ReorderBuffer {

    static final String PREFIX = "held:";

    private final KeyValueStore<String, byte[]> store;
    private final long delayMillis;

    ReorderBuffer(KeyValueStore<String, byte[]> store, Duration delay) {
        this.store = store;
        this.delayMillis = delay.toMillis();
    }

    /**
     * The entry's key: the publication instant, claims before the statements that may answer them, the report id and
     * revision (the replay's order), then the input offset, so that every arrival — a duplicate too — has its own
     * entry. Fixed-width hex of sign-flipped numbers sorts as the numbers do.
     */
    static String key(IncidentReport r, long offset) {
        Instant at = r.publishedAt().toInstant();
        UUID id = r.reportId();
        return PREFIX + hex(at.getEpochSecond()) + String.format("%08x", at.getNano())
                + (r.stance() == Stance.CLAIM ? '0' : '1') + hex(id.getMostSignificantBits())
                + hex(id.getLeastSignificantBits()) + String.format("%08x", r.revision() ^ Integer.MIN_VALUE)
                + hex(offset);
    }

    private static String hex(long v) {
        return String.format("%016x", v ^ Long.MIN_VALUE);
    }

    /** Holds a report (its record value as read) since {@code arrivedMillis} of wall-clock time. */
    void hold(IncidentReport report, byte[] value, long offset, long arrivedMillis) {
        store.put(key(report, offset), ByteBuffer.allocate(Long.BYTES + value.length).putLong(arrivedMillis)
                .put(value).array());
    }

    boolean isEmpty() {
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(PREFIX, new StringSerializer())) {
            return !it.hasNext();
        }
    }

    /**
     * Removes and returns, in publication order, the held record values that are due at {@code nowMillis}: while the
     * first held report has been held for the delay, it is taken; at most {@code max}. With a zero delay (switched off
     * while reports were held) every held report is due, whatever its arrival stamp.
     */
    List<byte[]> takeDue(long nowMillis, int max) {
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(PREFIX, new StringSerializer())) {
            while (it.hasNext() && due.size() < max) {
                KeyValue<String, byte[]> kv = it.next();
                // with no delay every held report is due, also one stamped later than this instance's clock reads (held
                // by an instance whose clock ran ahead, before a restart that switched the delay off)
                if (delayMillis > 0 && ByteBuffer.wrap(kv.value).getLong() > nowMillis - delayMillis) {
                    break; // the first held report is not due: everything published after it waits behind it
                }
                due.add(kv);
            }
        }
        List<byte[]> values = new ArrayList<>(due.size());
        for (KeyValue<String, byte[]> kv : due) {
            store.delete(kv.key);
            values.add(java.util.Arrays.copyOfRange(kv.value, Long.BYTES, kv.value.length));
        }
        return values;
    }
}
