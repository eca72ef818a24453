package org.borderwatch.alert.routing;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Decides which subscriptions receive an alert message. A message goes to every subscription whose filter it
 * matches; a resolution also goes to every subscription already told about the incident, even when the final
 * version no longer matches (a subscriber who heard "fired" must hear "resolved"). The stream channel is live and
 * takes its own filter, so stream subscriptions are not routed here. Never sends a subscriber a message whose
 * sequence it has already received. A correction of a resolved incident (UPDATED with status RESOLVED) goes only to
 * subscriptions told about the alert before whose filter the corrected version still matches: like Alertmanager,
 * nobody hears of an incident for the first time through a notice that it was corrected after it ended.
 */
public final class Router {

    private Router() {
    }

    /**
     * @param lastSequenceBySubscription per subscription id, the highest message sequence of this alert it received
     */
    public static List<Subscription> recipients(Alert message, Collection<Subscription> subscriptions,
                                                Map<String, Long> lastSequenceBySubscription) {
        return subscriptions.stream()
                .filter(s -> s.channel().type() != ChannelType.STREAM)
                .filter(s -> {
                    Long last = lastSequenceBySubscription.get(s.id());
                    if (last != null && last >= message.sequence()) {
                        return false;
                    }
                    boolean toldBefore = last != null;
                    if (isCorrectionAfterClosure(message)) {
                        // the end of a conversation already held: only those told, and only if it still matches
                        return toldBefore && s.filter().matches(message);
                    }
                    return s.filter().matches(message) || (message.event() == AlertEvent.RESOLVED && toldBefore);
                })
                .toList();
    }

    /** An update of a resolved incident (its final verdict corrected after the closure). */
    public static boolean isCorrectionAfterClosure(Alert message) {
        return message.event() == AlertEvent.UPDATED && message.status() == AlertStatus.RESOLVED;
    }
}
