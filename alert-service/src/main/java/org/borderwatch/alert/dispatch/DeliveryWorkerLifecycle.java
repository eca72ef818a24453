package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.delivery.DeliveryWorker;
import org.springframework.context.SmartLifecycle;

/**
 * Stops the delivery worker when the application stops, in the first shutdown phase (before the web server, the
 * binder and the store client): sends in flight are waited for up to {@code alert.delivery.shutdown-wait} and every
 * row not sent is given back to the outbox.
 */
public class DeliveryWorkerLifecycle implements SmartLifecycle {

    private final DeliveryWorker worker;
    private volatile boolean running;

    public DeliveryWorkerLifecycle(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
