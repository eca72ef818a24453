package org.borderwatch.ingest.stream;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the broker sends, at most {@code ingest.publish-threads} of them, so that a caller can stop
 * waiting after {@code ingest.publish-timeout}. At most that many sends are admitted at once, each until its thread
 * has really finished it — during a broker outage a send may stay blocked in the client for up to the producer's own
 * timeouts after its caller gave up. When all are taken, one more is refused at once with a
 * {@link PublishFailedException} (HTTP: 503 with {@code Retry-After}; raw topics: the listener's retries), never
 * queued behind them and never given a new thread. Admission is counted by a semaphore released when the worker is
 * done (not by the executor's hand-off, which would also refuse in the instant between a send's end and its thread
 * taking the next one). Idle threads end after a minute.
 */
final class PublishThreads implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Semaphore admitted;
    private final int threads;
    private final Duration timeout;

    PublishThreads(int threads, Duration timeout) {
        if (threads < 1) {
            throw new IllegalArgumentException("publish threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.timeout = timeout;
        this.admitted = new Semaphore(threads);
        AtomicInteger count = new AtomicInteger();
        // never more than `threads` tasks are admitted, so the queue holds at most that many, and only for the instant
        // between a send's end and its thread taking the next
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ingest-publish-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                admitted.release(); // also for a task cancelled before it ran: the worker still passes here
            }
        };
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code sends} on a publish thread and waits at most the timeout for it. Throws
     * {@link PublishFailedException} when no thread is free, the sends fail, or they do not finish in time (they are
     * then interrupted).
     */
    void run(Runnable sends) {
        if (pool.isShutdown()) {
            throw new PublishFailedException("the service is shutting down", null);
        }
        if (!admitted.tryAcquire()) {
            throw new PublishFailedException("all " + threads + " publish threads (ingest.publish-threads) are busy",
                    null); // no cause: nothing failed, and a stack trace per refused request would flood the log
        }
        Future<?> done;
        try {
            done = pool.submit(sends);
        } catch (RejectedExecutionException e) { // shut down meanwhile
            admitted.release();
            throw new PublishFailedException("the service is shutting down", null);
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true); // interrupts a send still waiting for the broker; it then forgets what it decided
            throw new PublishFailedException("the broker did not confirm the send within " + timeout, e);
        } catch (ExecutionException e) {
            // the cause (with the message and its headers) goes to the log, not to the client
            throw new PublishFailedException("the send failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.cancel(true);
            throw new PublishFailedException("interrupted while sending", e);
        }
    }

    /** Sends admitted and not yet finished by their thread (a timed-out send still blocked in the client counts). */
    int busy() {
        return threads - admitted.availablePermits();
    }

    /** Threads of the pool, idle or not. */
    int poolSize() {
        return pool.getPoolSize();
    }

    /** Interrupts running sends; later calls are refused. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
