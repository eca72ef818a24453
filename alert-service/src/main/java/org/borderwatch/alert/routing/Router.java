package org.borderwatch.alert.routing;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Decides which subscriptions receive an alert message. The stream channel is live and takes its own filter, so
 * stream subscriptions are not routed here. Never sends a subscriber a message whose sequence it has already
 * received, and never tells a subscriber about an incident for the first time through anything but a message that
 * matches its filter and is news (not a correction of a closed incident, not a leave notice).
 *
 * <p>A subscriber's conversation about an incident, like an alert in Alertmanager, ends once — with the
 * resolution, or when the incident stops matching its filter (Alertmanager resolves an alert for a receiver whose
 * route it leaves). So, for a subscriber told before ("in" while the last message it received matched its filter):
 * <ul>
 *   <li>a message that matches reaches it as usual;</li>
 *   <li>a message that no longer matches reaches it once more, as its <b>last word</b>, marked with why it no
 *       longer matches ({@link Recipient#noLongerMatching()}) — a material update, a review, a correction after
 *       closure, or a <em>leave notice</em>: the message made only for this, of a version that changed nothing
 *       that matters to the others (severity down, a signal gone, another segment);</li>
 *   <li>a resolution reaches it whether it still matches or not (the end of the conversation).</li>
 * </ul>
 * After its last word the subscriber is "out": it hears nothing more about the incident — not the resolution
 * either — unless a later message matches its filter again (then it is told as usual, and "in" again).
 */
public final class Router {

    private Router() {
    }

    /**
     * A subscription that receives the message.
     *
     * @param noLongerMatching null for a message it asked for; else why the message no longer matches its filter:
     *                         this is its last message about the incident unless one matches again
     */
    public record Recipient(Subscription subscription, String noLongerMatching) {
        public Recipient {
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /**
     * @param lastSequenceBySubscription per subscription id, the highest message sequence of this alert it received
     */
    public static List<Subscription> recipients(Alert message, Collection<Subscription> subscriptions,
                                                Map<String, Long> lastSequenceBySubscription) {
        return route(message, false, subscriptions, lastSequenceBySubscription, sequence -> null).stream()
                .map(Recipient::subscription).toList();
    }

    /**
     * @param leaveNotice                true for a message made only to tell subscribers that the incident left
     *                                   their filter: it reaches those and nobody else
     * @param lastSequenceBySubscription per subscription id, the highest message sequence of this alert it received
     * @param messageBySequence          the alert's earlier messages by sequence (null when unknown: the subscriber
     *                                   then counts as "in")
     */
    public static List<Recipient> route(Alert message, boolean leaveNotice, Collection<Subscription> subscriptions,
                                        Map<String, Long> lastSequenceBySubscription,
                                        LongFunction<Alert> messageBySequence) {
        List<Recipient> out = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.channel().type() == ChannelType.STREAM) {
                continue;
            }
            Long last = lastSequenceBySubscription.get(s.id());
            if (last != null && last >= message.sequence()) {
                continue;
            }
            boolean matches = s.filter().matches(message);
            if (last == null) {
                // the first word about an incident is always news it asked for
                if (matches && !leaveNotice && !isCorrectionAfterClosure(message)) {
                    out.add(new Recipient(s, null));
                }
                continue;
            }
            boolean in = lastWasInFilter(s, last, messageBySequence);
            if (leaveNotice) {
                if (in && !matches) {
                    out.add(new Recipient(s, s.filter().mismatch(message)));
                }
            } else if (matches) {
                out.add(new Recipient(s, null));
            } else if (in) {
                // its last word: the resolution as such, anything else marked with why it no longer matches
                out.add(new Recipient(s, message.event() == AlertEvent.RESOLVED ? null
                        : s.filter().mismatch(message)));
            }
        }
        return out;
    }

    /**
     * The subscriptions (ids) still in the conversation about an incident: told about it, and the last message each
     * received matched its filter (it was not its last word). Only their repeat clocks count
     * ({@code lifecycle.RepeatClocks}): a repeat reaches each of them ({@link #route}; as its last word when the
     * incident no longer matches), while one out of the conversation, deleted or never told cannot be reminded.
     *
     * @param subscriptions              those that exist
     * @param lastSequenceBySubscription per subscription id, the highest message sequence of this alert it received
     * @param messageBySequence          the alert's messages by sequence (null when unknown: "in")
     */
    public static Set<String> inConversation(Collection<Subscription> subscriptions,
                                             Map<String, Long> lastSequenceBySubscription,
                                             LongFunction<Alert> messageBySequence) {
        Set<String> in = new HashSet<>();
        for (Subscription s : subscriptions) {
            Long last = lastSequenceBySubscription.get(s.id());
            if (s.channel().type() != ChannelType.STREAM && last != null
                    && lastWasInFilter(s, last, messageBySequence)) {
                in.add(s.id());
            }
        }
        return in;
    }

    /** Whether the message of this sequence, the last one the subscription received, matched its filter. */
    private static boolean lastWasInFilter(Subscription s, long last, LongFunction<Alert> messageBySequence) {
        Alert lastTold = messageBySequence.apply(last);
        return lastTold == null || s.filter().matches(lastTold);
    }

    /** An update of a resolved incident (its final verdict corrected after the closure). */
    public static boolean isCorrectionAfterClosure(Alert message) {
        return message.event() == AlertEvent.UPDATED && message.status() == AlertStatus.RESOLVED;
    }
}
