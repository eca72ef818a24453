package org.borderwatch.alert.bench;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonValue;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The service's store round trips, per command and collection (e.g. {@code update deliveries}): count and total
 * time as the driver sees it. Registered on the service's MongoDB client by the load driver, so the report can say
 * where the pipeline's time goes.
 */
final class StoreTimings implements CommandListener {

    private record Totals(LongAdder count, LongAdder nanos) {
    }

    private final Map<Integer, String> started = new ConcurrentHashMap<>();
    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        String collection = target != null && target.isString() ? target.asString().getValue() : "";
        started.put(event.getRequestId(), event.getCommandName() + " " + collection);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        record(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        record(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    private void record(int requestId, long nanos) {
        String key = started.remove(requestId);
        if (key == null) {
            return;
        }
        Totals t = totals.computeIfAbsent(key, k -> new Totals(new LongAdder(), new LongAdder()));
        t.count().increment();
        t.nanos().add(nanos);
    }

    /** The {@code top} commands by total time, one line each. */
    String report(int top) {
        List<Map.Entry<String, Totals>> sorted = totals.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().nanos().sum())
                        .reversed())
                .limit(top).toList();
        return sorted.stream().map(e -> String.format(Locale.ROOT, "  %-34s %8d calls %9.1f s total %7.2f ms each",
                        e.getKey(), e.getValue().count().sum(), e.getValue().nanos().sum() / 1e9,
                        e.getValue().nanos().sum() / 1e6 / Math.max(1, e.getValue().count().sum())))
                .collect(Collectors.joining("\n"));
    }
}
