package org.borderwatch.alert.delivery.stream;

import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.alert.store.StreamLogStore.StreamEvent;
import org.borderwatch.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The live stream, resumable. Every alert message that is not muted is appended to the stream log in MongoDB
 * ({@link StreamLogStore}) under a cursor with one global order; the event id of each server-sent event is that
 * cursor. One hub thread per instance follows the log (woken at once by a local append, otherwise every
 * {@code alert.stream.poll-interval}, so messages produced by other replicas arrive too) and hands each new message
 * to the connected clients whose filter it matches. A client that reconnects with {@code Last-Event-ID} is
 * handled on the same thread: it first gets the stored messages after its cursor up to the hub's cursor, then
 * joins the live clients at exactly that cursor, so the switch-over has no gap and no duplicate
 * ({@link StreamResume} decides where a client starts).
 */
@Component
public class AlertStreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStreamHub.class);
    private static final int BATCH = 200;

    private final StreamLogStore store;
    private final AlertProperties.Stream settings;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Client> joining = new LinkedBlockingQueue<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    /** Every message up to this cursor has been handed to the live clients (touched by the hub thread only). */
    private long head;
    private long gapSeenAt = -1;
    private long lastHeartbeat;
    /** Open streams per user and in all (security review F9), counted when a stream opens and when it goes. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> perUser =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

    /** A stream refused because its user, or the instance, has as many open as allowed. */
    public static final class TooManyStreamsException extends RuntimeException {
        public TooManyStreamsException(String message) {
            super(message);
        }
    }

    public AlertStreamHub(StreamLogStore store, AlertProperties properties) {
        this.store = store;
        this.settings = properties.stream();
    }

    /** Incidents whose conversation state a client keeps at most (the least recently touched are forgotten). */
    static final int MAX_CONVERSATIONS = 10_000;

    private static final class Client {
        final SseEmitter emitter;
        final StreamFilter filter;
        final String lastEventId;
        /** The last cursor considered for this client (sent, or skipped by its filter). */
        long cursor;
        /**
         * For a client that resumed: the cursor it resumed after (what it was sent up to there is read from the log
         * when an incident first comes up); 0 for a fresh connection (told nothing before).
         */
        long resumedAfter;
        /** Per alert: where the client stands (touched by the hub thread only). */
        final Map<UUID, StreamConversation.State> conversations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, StreamConversation.State> eldest) {
                return size() > MAX_CONVERSATIONS;
            }
        };
        volatile boolean closed;

        Client(SseEmitter emitter, StreamFilter filter, String lastEventId) {
            this.emitter = emitter;
            this.filter = filter;
            this.lastEventId = lastEventId;
        }
    }

    @Override
    public void start() {
        head = store.head();
        lastHeartbeat = System.nanoTime();
        running = true;
        Thread t = new Thread(this::run, "alert-stream-hub");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Ends every open stream first, so a graceful shutdown does not wait for long-lived connections. */
    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clients.forEach(c -> c.emitter.complete());
        clients.clear();
        joining.forEach(c -> c.emitter.complete());
        joining.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /**
     * Opens a stream. The client joins on the hub thread: {@code lastEventId} (from the {@code Last-Event-ID}
     * header or the query parameter; null for a fresh connection) decides whether stored messages are replayed.
     */
    public SseEmitter open(SubscriptionFilter filter, String lastEventId, long timeoutMillis) {
        return open(StreamFilter.of(filter), lastEventId, timeoutMillis);
    }

    /** As {@link #open(SubscriptionFilter, String, long)}, with named severities on top of the filter. */
    public SseEmitter open(StreamFilter filter, String lastEventId, long timeoutMillis) {
        return open(filter, lastEventId, timeoutMillis, null);
    }

    /**
     * As {@link #open(StreamFilter, String, long)} for {@code user}, who may have at most
     * {@code alert.stream.max-per-user} streams open on this instance, among at most {@code alert.stream.max-clients}
     * in all; beyond either a {@link TooManyStreamsException}. A null user is counted in the total only.
     */
    public SseEmitter open(StreamFilter filter, String lastEventId, long timeoutMillis, String user) {
        java.util.concurrent.atomic.AtomicInteger mine = user == null ? new java.util.concurrent.atomic.AtomicInteger()
                : perUser.computeIfAbsent(user, k -> new java.util.concurrent.atomic.AtomicInteger());
        if (mine.incrementAndGet() > settings.maxPerUser()) {
            mine.decrementAndGet();
            throw new TooManyStreamsException(user + " has " + settings.maxPerUser() + " live streams open already "
                    + "(alert.stream.max-per-user); close one (or let it time out) and retry");
        }
        if (open.incrementAndGet() > settings.maxClients()) {
            open.decrementAndGet();
            mine.decrementAndGet();
            throw new TooManyStreamsException("this instance has " + settings.maxClients() + " live streams open "
                    + "(alert.stream.max-clients); retry later");
        }
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Client client = new Client(emitter, filter, lastEventId);
        Runnable gone = () -> {
            client.closed = true;
            clients.remove(client);
            if (counted.compareAndSet(true, false)) {
                mine.decrementAndGet();
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(e -> gone.run());
        joining.add(client);
        wake.release();
        return emitter;
    }

    /** Connected clients (including those still joining). */
    public int clients() {
        return clients.size() + joining.size();
    }

    /** Tells the hub that a message was appended here, so it does not wait for its next poll. */
    public void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                advance();
                for (Client c = joining.poll(); c != null; c = joining.poll()) {
                    join(c);
                }
                heartbeat();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("stream hub pass failed (retried at the next poll): {}", e.toString());
            }
        }
    }

    /** Hands the log's new messages, in cursor order, to the live clients. */
    private void advance() {
        while (true) {
            List<StreamEvent> batch = store.after(head, Long.MAX_VALUE, BATCH);
            for (StreamEvent e : batch) {
                if (e.cursor() != head + 1 && !gapTimedOut(e)) {
                    return;
                }
                gapSeenAt = -1;
                for (Client c : clients) {
                    if (e.cursor() > c.cursor) {
                        c.cursor = e.cursor();
                        deliver(c, e);
                    }
                }
                head = e.cursor();
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * A cursor below {@code e} is not written yet: an append on another replica is in progress, or a cursor was
     * taken by an append that died or lost a race. Wait up to the gap wait (monotonic time, not the clock) for it.
     */
    private boolean gapTimedOut(StreamEvent e) {
        long now = System.nanoTime();
        if (gapSeenAt < 0) {
            gapSeenAt = now;
            return false;
        }
        if (now - gapSeenAt < settings.gapWait().toNanos()) {
            return false;
        }
        log.warn("stream cursors {}..{} were not written within {}: skipped (replay still finds them if they "
                + "appear later)", head + 1, e.cursor() - 1, settings.gapWait());
        return true;
    }

    private void join(Client c) {
        if (c.closed) {
            return;
        }
        StreamLogStore.Bounds bounds = store.bounds();
        StreamResume.Start start = StreamResume.decide(c.lastEventId, head, bounds.allocated(),
                bounds.purgedThrough());
        if (start instanceof StreamResume.Live live) {
            send(c, SseEmitter.event().id(Long.toString(live.after())).comment("connected"));
        } else if (start instanceof StreamResume.Reset reset) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("lastEventId", c.lastEventId);
            why.put("reason", reset.reason());
            why.put("resumeAfter", reset.after());
            send(c, SseEmitter.event().comment("connected; resume refused: " + reset.reason() + "; live follows")
                    .name("reset").id(Long.toString(reset.after())).data(Json.write(why)));
        } else if (start instanceof StreamResume.Replay replay) {
            c.resumedAfter = replay.from();
            send(c, SseEmitter.event().comment("connected; replaying the messages after " + replay.from()));
            long cursor = replay.from();
            while (!c.closed) {
                List<StreamEvent> batch = store.after(cursor, replay.after(), BATCH);
                for (StreamEvent e : batch) {
                    deliver(c, e);
                    cursor = e.cursor();
                }
                if (batch.size() < BATCH) {
                    break;
                }
            }
            send(c, SseEmitter.event().id(Long.toString(replay.after())).comment("live"));
        }
        c.cursor = start.after();
        if (!c.closed) {
            clients.add(c);
        }
    }

    /** An id-only frame every heartbeat: keeps idle connections open, finds dead ones, moves the client's id on. */
    private void heartbeat() {
        long now = System.nanoTime();
        if (now - lastHeartbeat < settings.heartbeat().toNanos()) {
            return;
        }
        lastHeartbeat = now;
        for (Client c : clients) {
            send(c, SseEmitter.event().id(Long.toString(c.cursor)).comment("keepalive"));
        }
    }

    /**
     * Sends the message if the client's conversation about the incident calls for it ({@link StreamConversation}):
     * matching messages; to a client whose last message matched, one that no longer does, marked, as its last word.
     */
    private void deliver(Client c, StreamEvent e) {
        UUID alertId = e.alert().alertId();
        StreamConversation.State state = c.conversations.get(alertId);
        if (state == null) {
            // a resumed client may have been told about the incident before it resumed: the log says how it stood
            state = c.resumedAfter > 0
                    ? StreamConversation.after(c.filter, store.latestOf(alertId, c.resumedAfter)
                    .map(StreamEvent::alert).orElse(null))
                    : StreamConversation.State.NEVER_TOLD;
        }
        StreamConversation.Decision d = StreamConversation.decide(c.filter, state, e.alert());
        if (d.next() != StreamConversation.State.NEVER_TOLD || c.resumedAfter > 0) {
            c.conversations.put(alertId, d.next());
        }
        if (d.send()) {
            send(c, event(e, d.noLongerMatching()));
        }
    }

    /**
     * An alert message as an event: {@code event:} its event in lower case, {@code id:} its cursor, {@code data:} the
     * Alert JSON — for a client's last word about the incident with one more member, {@code noLongerMatching}
     * ({@code alertId}, {@code sequence}, {@code why}: an item of a webhook notification's list of that name).
     */
    private static SseEmitter.SseEventBuilder event(StreamEvent e, String noLongerMatching) {
        String json = Json.write(e.alert());
        if (noLongerMatching != null) {
            Map<String, Object> mark = new LinkedHashMap<>();
            mark.put("alertId", e.alert().alertId().toString());
            mark.put("sequence", e.alert().sequence());
            mark.put("why", noLongerMatching);
            json = json.substring(0, json.lastIndexOf('}')) + ",\"noLongerMatching\":" + Json.write(mark) + "}";
        }
        return SseEmitter.event()
                .id(Long.toString(e.cursor()))
                .name(e.alert().event().name().toLowerCase(Locale.ROOT))
                .data(json);
    }

    private void send(Client c, SseEmitter.SseEventBuilder event) {
        if (c.closed) {
            return;
        }
        try {
            c.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("stream client gone: {}", e.toString());
            c.closed = true;
            clients.remove(c);
        }
    }
}
