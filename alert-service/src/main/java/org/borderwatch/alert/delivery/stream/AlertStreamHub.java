package org.borderwatch.alert.delivery.stream;

import org.borderwatch.alert.AlertMetrics;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live stream, resumable. Every alert message that is not muted is appended to the stream log in MongoDB
 * ({@link StreamLogStore}) under a cursor with one global order; the event id of each server-sent event is that
 * cursor. One hub thread per instance follows the log (woken at once by a local append, otherwise every
 * {@code alert.stream.poll-interval}, so messages produced by other replicas arrive too) and hands each new message
 * to the connected clients whose filter it matches. A client that reconnects with {@code Last-Event-ID} is
 * handled on the same thread: it first gets the stored messages after its cursor up to the hub's cursor, then
 * joins the live clients at exactly that cursor, so the switch-over has no gap and no duplicate
 * ({@link StreamResume} decides where a client starts).
 * <p>
 * The hub thread never writes to a client (code review F3: one client that stops reading would block it, and with it
 * every stream): it puts each client's frames on that client's bounded queue, in order, and a send thread
 * (one client at a time each, as many as {@code alert.stream.max-clients}) writes them. A client whose queue is full
 * ({@code alert.stream.client-buffer}: it stopped reading) is dropped at once and, as soon as its connection takes a
 * write again, sent a comment telling it to reconnect with {@code Last-Event-ID}; its id is that of the last message
 * it actually got, so the replay gives it everything it missed. The hub reads the log's head on its own thread, not in
 * {@link #start()}, so the service starts while the store is unreachable (code review F4; readiness reports the
 * store).
 */
@Component
public class AlertStreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStreamHub.class);

    private final StreamLogStore store;
    private final AlertProperties.Stream settings;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Client> joining = new LinkedBlockingQueue<>();
    private final Semaphore wake = new Semaphore(0);
    /** Writes the clients' frames: one client at a time per thread, each client's frames in order. */
    private final ThreadPoolExecutor senders;
    private volatile boolean running;
    private final AlertMetrics metrics;
    private volatile Thread thread;
    /**
     * Every message up to this cursor has been handed to the live clients (touched by the hub thread only); -1 until
     * the hub thread has read the log's head. Volatile only so that {@link #head()} may read it.
     */
    private volatile long head = -1;
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
    /** Whether the last pass failed (its failure was logged once; the recovery is logged too). */
    private boolean failing;

    public AlertStreamHub(StreamLogStore store, AlertProperties properties, AlertMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.settings = properties.stream();
        AtomicInteger n = new AtomicInteger();
        // as many threads as streams may be open (alert.stream.max-clients), created only while there is something to
        // write: a client that stopped reading holds its own (until the container's write timeout), never the hub
        // thread or another client's
        this.senders = new ThreadPoolExecutor(settings.maxClients(), settings.maxClients(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "alert-stream-send-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        senders.allowCoreThreadTimeOut(true);
    }

    /** What the hub hands a client's send thread, in order: its start, the log's messages, keep-alives. */
    private sealed interface Frame permits Begin, Message, Keepalive {
    }

    /** Where the client starts: connected (live), reset, or the replay of what it missed. */
    private record Begin(StreamResume.Start start) implements Frame {
    }

    /** A message of the log, for the client's filter and conversation to decide on. */
    private record Message(StreamEvent event) implements Frame {
    }

    /** A keep-alive with the client's cursor (every message up to it was queued before). */
    private record Keepalive(long cursor) implements Frame {
    }

    private final class Client {
        final SseEmitter emitter;
        final StreamFilter filter;
        final String lastEventId;
        /** The last cursor handed to this client's queue (hub thread only). */
        long cursor;
        /**
         * For a client that resumed: the cursor it resumed after (what it was sent up to there is read from the log
         * when an incident first comes up); 0 for a fresh connection (told nothing before). Its send thread only.
         */
        long resumedAfter;
        /** The frames not yet written, in order (the hub puts, the client's send thread takes). */
        final BlockingQueue<Frame> queue = new LinkedBlockingQueue<>(settings.clientBuffer());
        /** Whether a send thread is writing this client's frames (one at a time, so they stay in order). */
        final AtomicBoolean draining = new AtomicBoolean();
        /** Not null once the client is to be closed: the comment it is sent last. */
        volatile String closing;
        /** The closing comment was written (or could not be) and the response completed. */
        volatile boolean finished;
        /** Per alert: where the client stands (touched by the client's send thread only). */
        final Map<UUID, StreamConversation.State> conversations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, StreamConversation.State> eldest) {
                return size() > settings.maxConversations();
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
        // no store call here: the hub thread reads the log's head (and retries while the store does not answer)
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
        // completed by their send threads, so a client that stopped reading cannot hold the shutdown
        clients.forEach(c -> close(c, "closed: the service is stopping; reconnect with Last-Event-ID to resume"));
        clients.clear();
        joining.forEach(c -> close(c, "closed: the service is stopping; reconnect to resume"));
        joining.clear();
        senders.shutdown();
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

    /** The cursor up to which the live clients were handed the log's messages; -1 before the log was first read. */
    long head() {
        return head;
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
                if (head < 0) {
                    head = store.head();
                }
                advance();
                for (Client c = joining.poll(); c != null; c = joining.poll()) {
                    join(c);
                }
                heartbeat();
                if (failing) {
                    failing = false;
                    log.info("stream hub: the stream log answers again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // once per outage at WARN, not every poll; readiness reports the store meanwhile
                if (!failing) {
                    failing = true;
                    log.warn("stream hub pass failed (retried every {} until it works): {}",
                            settings.pollInterval(), e.toString());
                } else {
                    log.debug("stream hub pass failed again: {}", e.toString());
                }
            }
        }
    }

    /** Hands the log's new messages, in cursor order, to the live clients. */
    private void advance() {
        while (true) {
            List<StreamEvent> batch = store.after(head, Long.MAX_VALUE, settings.batch());
            for (StreamEvent e : batch) {
                if (e.cursor() != head + 1 && !gapTimedOut(e)) {
                    return;
                }
                gapSeenAt = -1;
                for (Client c : clients) {
                    if (e.cursor() > c.cursor) {
                        c.cursor = e.cursor();
                        offer(c, new Message(e));
                    }
                }
                head = e.cursor();
            }
            if (batch.size() < settings.batch()) {
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

    /** On the hub thread: where the client starts, decided at the hub's cursor; the client's thread writes it. */
    private void join(Client c) {
        if (c.closed) {
            return;
        }
        StreamResume.Start start;
        try {
            StreamLogStore.Bounds bounds = store.bounds();
            start = StreamResume.decide(c.lastEventId, head, bounds.allocated(), bounds.purgedThrough());
        } catch (RuntimeException e) {
            close(c, "closed: the stream log could not be read; reconnect to resume");
            throw e;
        }
        c.cursor = start.after();
        clients.add(c);
        offer(c, new Begin(start));
        if (c.closed) {
            clients.remove(c);
        }
    }

    /** On the client's send thread: its first frame, and for a resuming client the replay up to its start. */
    private void begin(Client c, StreamResume.Start start) {
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
            while (!c.closed && c.closing == null) {
                List<StreamEvent> batch = store.after(cursor, replay.after(), settings.batch());
                for (StreamEvent e : batch) {
                    deliver(c, e);
                    cursor = e.cursor();
                }
                if (batch.size() < settings.batch()) {
                    break;
                }
            }
            send(c, SseEmitter.event().id(Long.toString(replay.after())).comment("live"));
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
            offer(c, new Keepalive(c.cursor));
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

    /**
     * On the hub thread: puts a frame on the client's queue for its send thread. A client whose queue is full has
     * stopped reading (or cannot keep up): it is dropped rather than waited for, and told to resume.
     */
    private void offer(Client c, Frame frame) {
        if (c.closed || c.closing != null) {
            clients.remove(c);
            return;
        }
        if (!c.queue.offer(frame)) {
            log.warn("a live stream client fell {} frames behind (it stopped reading?): closed; it resumes with "
                    + "Last-Event-ID from the last message it got (alert.stream.client-buffer)",
                    settings.clientBuffer());
            metrics.streamDropped();
            close(c, "closed: this client fell " + settings.clientBuffer() + " messages behind; reconnect with "
                    + "Last-Event-ID to resume");
            return;
        }
        schedule(c);
    }

    /**
     * Closes a client: nothing more is queued for it, what is queued is dropped (it resumes with its last event id),
     * and its send thread writes {@code comment} after the frame in hand and completes the response.
     */
    private void close(Client c, String comment) {
        c.closing = comment;
        clients.remove(c);
        c.queue.clear();
        schedule(c);
    }

    /** Starts the client's send thread unless it is running (it then takes the new frames itself). */
    private void schedule(Client c) {
        if (c.draining.compareAndSet(false, true)) {
            try {
                senders.execute(() -> drain(c));
            } catch (RejectedExecutionException e) {
                // stopped: the container ends the response
                c.draining.set(false);
            }
        }
    }

    /** On a send thread: the client's frames in order until its queue is empty, or it is closed. */
    private void drain(Client c) {
        try {
            while (!c.finished) {
                if (c.closing != null) {
                    finish(c);
                    break;
                }
                Frame frame = c.queue.poll();
                if (frame == null) {
                    break;
                }
                try {
                    write(c, frame);
                } catch (RuntimeException e) {
                    // the log did not answer a replay or a resumed client's standing: the client resumes later
                    log.warn("live stream client closed, the stream log did not answer: {}", e.toString());
                    close(c, "closed: the stream log could not be read; reconnect with Last-Event-ID to resume");
                }
            }
        } finally {
            c.draining.set(false);
        }
        // a frame (or the close) that came after the last poll, while this thread was still marked as draining
        if (!c.finished && (c.closing != null || !c.queue.isEmpty())) {
            schedule(c);
        }
    }

    private void write(Client c, Frame frame) {
        if (frame instanceof Message m) {
            deliver(c, m.event());
        } else if (frame instanceof Keepalive k) {
            send(c, SseEmitter.event().id(Long.toString(k.cursor())).comment("keepalive"));
        } else if (frame instanceof Begin b) {
            begin(c, b.start());
        }
    }

    /** The closing comment (if the connection still takes it), then the end of the response. */
    private void finish(Client c) {
        c.finished = true;
        c.queue.clear();
        send(c, SseEmitter.event().comment(c.closing));
        c.closed = true;
        try {
            c.emitter.complete();
        } catch (RuntimeException e) {
            log.debug("stream client already gone: {}", e.toString());
        }
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
