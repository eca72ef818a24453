package org.borderwatch.alert.cap;

import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.common.model.Alert;
import org.springframework.stereotype.Component;

import java.util.List;

/** Renders a stored alert message as CAP, referencing the alert's earlier messages. */
@Component
public class CapService {

    private final CapRenderer renderer;
    private final AlertStore alerts;

    public CapService(CapRenderer renderer, AlertStore alerts) {
        this.renderer = renderer;
        this.alerts = alerts;
    }

    public String render(Alert message) {
        List<CapReference> earlier = alerts.find(message.alertId())
                .map(a -> a.messages().stream().map(StoredAlert.Message::alert)
                        .filter(m -> m.sequence() < message.sequence())
                        .map(m -> new CapReference(CapRenderer.identifier(m), m.createdAt()))
                        .distinct() // a message released after a silence appears twice in the history
                        .toList())
                .orElse(List.of());
        return renderer.render(message, earlier);
    }
}
