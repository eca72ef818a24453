package org.borderwatch.deploy.local.services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches one running service and starts it again, by its {@link RestartPolicy}, when it stops without the launcher
 * asking it to (killed, out of memory, a crash). A restarted service runs from the same jar copy with the same
 * environment and must become ready within the start-up timeout; a restart that does not counts as another failure.
 * After the policy's last restart the service is left stopped and the listener says so once.
 *
 * <p>{@link #restartNow} restarts it on request (the {@code restart} command): the running instance is stopped
 * politely, an optional step runs (the launcher takes a fresh copy of the built jar there), and it is started again
 * at once. A requested restart does not count against the policy, clears its earlier restarts, and also revives a
 * service the policy had given up on. Every start happens on the supervisor's one thread, so two instances never
 * race for the service's port.
 */
public final class ServiceSupervisor implements AutoCloseable {

    /** What the launcher tells its user; called from the supervisor's own thread or a process-exit thread. */
    public interface Listener {
        void restarting(String service, int exitCode, Duration delay, int restart, RestartPolicy policy, Path log);

        void readyAgain(BootService service);

        void restartFailed(String service, String reason);

        void givenUp(String service, int exitCode, RestartPolicy policy, Path log);
    }

    private final BootService.Settings settings;
    private final RestartPolicy policy;
    private final Duration readyTimeout;
    private final Listener listener;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<Instant> restarts = new ArrayList<>();
    private BootService current;
    /** Bumped by every requested restart: an automatic restart scheduled before it is dropped. */
    private long generation;
    private boolean gaveUp;
    private boolean closed;

    private ServiceSupervisor(BootService running, BootService.Settings settings, RestartPolicy policy,
                              Duration readyTimeout, Listener listener, Clock clock) {
        this.current = running;
        this.settings = settings;
        this.policy = policy;
        this.readyTimeout = readyTimeout;
        this.listener = listener;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bw-supervise-" + settings.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching a service that is running and ready; {@code settings} are the ones it was started with. */
    public static ServiceSupervisor watch(BootService running, BootService.Settings settings, RestartPolicy policy,
                                          Duration readyTimeout, Listener listener, Clock clock) {
        ServiceSupervisor supervisor = new ServiceSupervisor(running, settings, policy, readyTimeout, listener, clock);
        supervisor.follow(running);
        return supervisor;
    }

    public String name() {
        return settings.name();
    }

    /** The service instance running now (a new one after each restart). */
    public synchronized BootService current() {
        return current;
    }

    /** How many times the service has been started again after stopping on its own (within the policy's count). */
    public synchronized int restartCount() {
        return restarts.size();
    }

    /** Whether the policy's restarts are used up and the service is left stopped. */
    public synchronized boolean hasGivenUp() {
        return gaveUp;
    }

    /**
     * Stops the running instance and starts it again now, on request.
     *
     * @param beforeStart runs after the old instance has stopped and before the new one starts
     * @return the new instance once it is ready; completed exceptionally (with a {@link ServiceStartException}) if
     *         it does not become ready or the launcher is stopping
     */
    public CompletableFuture<BootService> restartNow(Runnable beforeStart) {
        CompletableFuture<BootService> result = new CompletableFuture<>();
        long requested;
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(new ServiceStartException("the launcher is stopping"));
                return result;
            }
            requested = ++generation;
        }
        try {
            scheduler.execute(() -> restartOnRequest(requested, beforeStart, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ServiceStartException("the launcher is stopping"));
        }
        return result;
    }

    private void restartOnRequest(long requested, Runnable beforeStart, CompletableFuture<BootService> result) {
        BootService old;
        synchronized (this) {
            if (closed || requested != generation) {
                result.completeExceptionally(new ServiceStartException(closed ? "the launcher is stopping"
                        : "a newer restart request replaced this one"));
                return;
            }
            old = current;
            current = null; // its exit, which we cause now, is not a failure
        }
        old.close();
        try {
            beforeStart.run();
        } catch (RuntimeException e) {
            listener.restartFailed(settings.name(), e.getMessage()); // e.g. the build could not be copied: go on
        }
        BootService next;
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(new ServiceStartException("the launcher is stopping"));
                return;
            }
            restarts.clear();
            gaveUp = false;
            try {
                next = BootService.start(settings);
            } catch (RuntimeException e) {
                gaveUp = true;
                result.completeExceptionally(new ServiceStartException(settings.name() + " could not be started: "
                        + e.getMessage()));
                return;
            }
            current = next;
        }
        if (awaitReady(next)) {
            result.complete(next);
        } else {
            result.completeExceptionally(new ServiceStartException(isClosed() ? "the launcher is stopping"
                    : settings.name() + " did not become ready; see " + settings.logFile()));
        }
    }

    private void follow(BootService service) {
        service.process().onExit().thenAccept(p -> stopped(service, p.exitValue()));
    }

    private void stopped(BootService which, int exitCode) {
        Duration delay;
        int restart;
        long scheduledFor;
        synchronized (this) {
            if (closed || which != current) {
                return;
            }
            Instant now = clock.instant();
            Optional<Duration> next = policy.nextDelay(restarts, now);
            if (next.isEmpty()) {
                gaveUp = true;
                delay = null;
                restart = 0;
            } else {
                delay = next.get();
                restarts.add(now);
                restart = policy.recent(restarts, now).size();
            }
            scheduledFor = generation;
        }
        if (delay == null) {
            listener.givenUp(settings.name(), exitCode, policy, which.process().logFile());
            return;
        }
        listener.restarting(settings.name(), exitCode, delay, restart, policy, which.process().logFile());
        try {
            scheduler.schedule(() -> restart(scheduledFor), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void restart(long scheduledFor) {
        BootService next;
        synchronized (this) {
            if (closed || gaveUp || scheduledFor != generation) {
                return;
            }
            try {
                next = BootService.start(settings);
            } catch (RuntimeException e) {
                gaveUp = true;
                listener.restartFailed(settings.name(), e.getMessage());
                listener.givenUp(settings.name(), -1, policy, settings.logFile());
                return;
            }
            current = next;
        }
        awaitReady(next);
    }

    /** Waits for a new instance; ready: follow it; not ready: stop it and treat that as another failure. */
    private boolean awaitReady(BootService next) {
        try {
            next.awaitReady(readyTimeout);
        } catch (ServiceStartException e) {
            if (isClosed()) {
                return false;
            }
            listener.restartFailed(settings.name(), e.getMessage());
            next.close(); // one that hangs in start-up is stopped, and counts as failing again
            stopped(next, next.process().exitCode());
            return false;
        }
        if (isClosed()) {
            return false;
        }
        listener.readyAgain(next);
        follow(next);
        return true;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops watching (no more restarts) and stops the running instance. */
    @Override
    public void close() {
        BootService running;
        synchronized (this) {
            closed = true;
            running = current;
        }
        scheduler.shutdownNow();
        if (running != null) {
            running.close();
        }
    }
}
