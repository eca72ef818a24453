package org.borderwatch.alert.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the release of held-back alerts off the request thread when a silence is ended through the API (code review
 * F12): {@link #wake()} queues one pass on the jobs' executor and returns at once; wakes while a pass is queued and
 * not yet started add nothing (the queued pass will see every silence ended before it starts). The pass itself is
 * the periodic job's ({@link AlertDispatcher#releaseSilenced()}, which never overlaps itself), so a release that
 * fails here is done by the next periodic pass ({@code alert.lifecycle.repeat-check}).
 */
public final class ReleaseJob {

    private static final Logger log = LoggerFactory.getLogger(ReleaseJob.class);

    private final Runnable release;
    private final Executor executor;
    private final AtomicBoolean queued = new AtomicBoolean();

    public ReleaseJob(Runnable release, Executor executor) {
        this.release = release;
        this.executor = executor;
    }

    /** Asks for a release pass soon; never blocks, never throws. */
    public void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                queued.set(false);
                try {
                    release.run();
                } catch (RuntimeException e) {
                    log.warn("releasing held-back alerts is left to the periodic job: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
            log.warn("releasing held-back alerts is left to the periodic job (no thread now: {})", e.toString());
        }
    }
}
