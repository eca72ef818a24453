package org.borderwatch.deploy.local.services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches one running service and starts it again, by its {@link RestartPolicy}, when it stops without the launcher
 * asking it to (killed, out of memory, a crash). A restarted service runs from the same jar copy with the same
 * environment and must become ready within the start-up timeout; a restart that does not counts as another failure.
 * After the policy's last restart the service is left stopped and the listener says so once.
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

    /** The service instance running now (a new one after each restart). */
    public synchronized BootService current() {
        return current;
    }

    /** How many times the service has been started again so far. */
    public synchronized int restartCount() {
        return restarts.size();
    }

    private void follow(BootService service) {
        service.process().onExit().thenAccept(p -> stopped(service, p.exitValue()));
    }

    private void stopped(BootService which, int exitCode) {
        Duration delay;
        int restart;
        synchronized (this) {
            if (closed || which != current) {
                return;
            }
            Instant now = clock.instant();
            Optional<Duration> next = policy.nextDelay(restarts, now);
            if (next.isEmpty()) {
                closed = true;
                delay = null;
                restart = 0;
            } else {
                delay = next.get();
                restarts.add(now);
                restart = policy.recent(restarts, now).size();
            }
        }
        if (delay == null) {
            listener.givenUp(settings.name(), exitCode, policy, which.process().logFile());
            scheduler.shutdown();
            return;
        }
        listener.restarting(settings.name(), exitCode, delay, restart, policy, which.process().logFile());
        scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        BootService next;
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                next = BootService.start(settings);
            } catch (RuntimeException e) {
                closed = true;
                listener.restartFailed(settings.name(), e.getMessage());
                listener.givenUp(settings.name(), -1, policy, settings.logFile());
                return;
            }
            current = next;
        }
        try {
            next.awaitReady(readyTimeout);
        } catch (ServiceStartException e) {
            if (isClosed()) {
                return;
            }
            listener.restartFailed(settings.name(), e.getMessage());
            next.close(); // one that hangs in start-up is stopped, and counts as failing again
            stopped(next, next.process().exitCode());
            return;
        }
        if (isClosed()) {
            return;
        }
        listener.readyAgain(next);
        follow(next);
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
        running.close();
    }
}
