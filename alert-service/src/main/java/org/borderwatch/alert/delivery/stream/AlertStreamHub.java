package org.borderwatch.alert.delivery.stream;

import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live stream: every alert message that is not muted goes, as it is produced, to each connected client whose
 * filter it matches. Nothing is stored for the stream; a client that reconnects sees only new messages (the REST
 * list gives the rest).
 */
@Component
public class AlertStreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStreamHub.class);
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream first, so a graceful shutdown does not wait for long-lived connections. */
    @Override
    public void stop() {
        running = false;
        clients.forEach(c -> c.emitter().complete());
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private record Client(SseEmitter emitter, SubscriptionFilter filter) {
    }

    public SseEmitter open(SubscriptionFilter filter, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Client client = new Client(emitter, filter);
        clients.add(client);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            clients.remove(client);
        }
        return emitter;
    }

    public int clients() {
        return clients.size();
    }

    public void publish(Alert alert) {
        String json = Json.write(alert);
        for (Client c : clients) {
            if (!c.filter().matches(alert)) {
                continue;
            }
            try {
                c.emitter().send(SseEmitter.event()
                        .id(alert.alertId() + "-" + alert.sequence())
                        .name(alert.event().name().toLowerCase(Locale.ROOT))
                        .data(json));
            } catch (IOException | IllegalStateException e) {
                log.debug("stream client gone: {}", e.toString());
                clients.remove(c);
            }
        }
    }
}
