package org.borderwatch.alert.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Which outbox rows an operator's bulk abandon or re-queue selects (plain Java): every given criterion must hold; at
 * least one must be given (a bulk action over the whole outbox is refused, never assumed). The statuses are those
 * the action can change: PENDING, IN_FLIGHT (only once its lease ran out), FAILED and {@value #UNRELAYED} (a row
 * still held in its alert document, which the relay has not copied to the outbox) for an abandon, FAILED for a
 * re-queue; none given means all of them, so "everything of this desk" also takes what the relay has not copied
 * yet (else those rows would be sent once the relay copies them). Each wrong field is one problem naming it
 * ({@code filter.<field>}).
 *
 * @param statuses       the outbox statuses asked for (the action's own when none were given; empty only when just
 *                       {@value #UNRELAYED} was asked for: then no outbox row is selected)
 * @param channels       upper case, as stored ({@code WEBHOOK}, {@code EMAIL}, {@code KAFKA}); empty = any
 * @param createdBefore  rows created before this instant (exclusive)
 * @param createdAfter   rows created at or after this instant
 * @param unrelayed      whether rows held in alert documents are selected too ({@link #selectsHeld})
 */
public record BulkFilter(Set<DeliveryStatus> statuses, Set<String> channels, String subscriptionId, String target,
                         Instant createdBefore, Instant createdAfter, boolean unrelayed) {

    /** The status a filter names for rows held in their alert documents (the {@code statusBefore} they get). */
    public static final String UNRELAYED = "UNRELAYED";

    /** What a bulk call does, and the statuses it can change. */
    public enum Action {
        ABANDON(EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.IN_FLIGHT, DeliveryStatus.FAILED), true),
        REQUEUE(EnumSet.of(DeliveryStatus.FAILED), false);

        private final Set<DeliveryStatus> changeable;
        /** Whether it can change rows held in alert documents ({@value BulkFilter#UNRELAYED}). */
        private final boolean held;

        Action(Set<DeliveryStatus> changeable, boolean held) {
            this.changeable = changeable;
            this.held = held;
        }

        /** The outbox statuses it can change. */
        public Set<DeliveryStatus> changeable() {
            return EnumSet.copyOf(changeable);
        }

        private String allowed() {
            return names(changeable.toArray(DeliveryStatus[]::new)) + (held ? ", " + UNRELAYED : "");
        }
    }

    /** The channels as the API writes them. */
    public static final List<String> CHANNELS = List.of("webhook", "email", "kafka");

    /** The fields of a filter, as the request names them. */
    public static final List<String> FIELDS = List.of("statuses", "channels", "subscriptionId", "target",
            "createdBefore", "createdAfter");

    /**
     * Reads a filter as the request gave it; each problem (naming {@code filter.<field>}) is added to
     * {@code problems}, and null is returned when there is any.
     */
    public static BulkFilter parse(Action action, boolean given, List<String> statuses, List<String> channels,
                                   String subscriptionId, String target, String createdBefore, String createdAfter,
                                   List<String> problems) {
        int before = problems.size();
        if (!given) {
            problems.add("field 'filter' is required: one or more of " + String.join(", ", FIELDS));
            return null;
        }
        Set<DeliveryStatus> wanted = EnumSet.noneOf(DeliveryStatus.class);
        boolean held = false;
        for (String s : values(statuses)) {
            DeliveryStatus status = status(s);
            if (UNRELAYED.equals(s)) {
                if (action.held) {
                    held = true;
                } else {
                    problems.add("field 'filter.statuses': UNRELAYED rows (held in their alert documents, never "
                            + "copied to the outbox) cannot be re-queued: abandon them; allowed: " + action.allowed());
                }
            } else if (status == null) {
                problems.add("field 'filter.statuses' must be one of " + names(DeliveryStatus.values()) + ", "
                        + UNRELAYED + ", got '" + shown(s) + "'");
            } else if (!action.changeable.contains(status)) {
                problems.add("field 'filter.statuses': " + status + " rows cannot be "
                        + (action == Action.ABANDON ? "abandoned" : "re-queued") + "; allowed: " + action.allowed());
            } else {
                wanted.add(status);
            }
        }
        Set<String> wantedChannels = new LinkedHashSet<>();
        for (String c : values(channels)) {
            if (CHANNELS.contains(c)) {
                wantedChannels.add(c.toUpperCase(Locale.ROOT));
            } else {
                problems.add("field 'filter.channels' must be one of " + String.join(", ", CHANNELS) + ", got '"
                        + shown(c) + "'");
            }
        }
        Instant until = instant("createdBefore", createdBefore, problems);
        Instant from = instant("createdAfter", createdAfter, problems);
        if (until != null && from != null && from.isAfter(until)) {
            problems.add("field 'filter.createdAfter' (" + createdAfter.strip() + ") must not be after "
                    + "'filter.createdBefore' (" + createdBefore.strip() + ")");
        }
        String sub = blank(subscriptionId);
        String tgt = blank(target);
        if (values(statuses).isEmpty() && wantedChannels.isEmpty() && sub == null && tgt == null && until == null
                && from == null && problems.size() == before) {
            problems.add("field 'filter' needs one or more of " + String.join(", ", FIELDS) + " (a bulk action "
                    + "over the whole outbox is refused)");
        }
        if (problems.size() > before) {
            return null;
        }
        boolean none = wanted.isEmpty() && !held;
        return new BulkFilter(none ? action.changeable() : wanted, wantedChannels, sub, tgt, until, from,
                none ? action.held : held);
    }

    /** Whether outbox rows are selected at all (not when only {@value #UNRELAYED} was asked for). */
    public boolean outbox() {
        return !statuses.isEmpty();
    }

    /**
     * Whether the filter selects a row held in its alert document, read as stored there (any value may be missing):
     * the same criteria as for the outbox's rows, a bound on the creation time not met by a row without one.
     */
    public boolean selectsHeld(String channel, String subscriptionId, String target, Instant createdAt) {
        return unrelayed
                && (channels.isEmpty() || channels.contains(channel))
                && (this.subscriptionId == null || this.subscriptionId.equals(subscriptionId))
                && (this.target == null || this.target.equals(target))
                && (createdBefore == null || createdAt != null && createdAt.isBefore(createdBefore))
                && (createdAfter == null || createdAt != null && !createdAt.isBefore(createdAfter));
    }

    /** The filter in words, for the audit and the log: {@code statuses FAILED, target https://…}. */
    public String describe() {
        StringJoiner out = new StringJoiner(", ");
        List<String> named = new ArrayList<>(statuses.stream().map(Enum::name).toList());
        if (unrelayed) {
            named.add(UNRELAYED);
        }
        out.add("statuses " + String.join("|", named));
        if (!channels.isEmpty()) {
            out.add("channels " + channels.stream().map(c -> c.toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|")));
        }
        if (subscriptionId != null) {
            out.add("subscriptionId " + subscriptionId);
        }
        if (target != null) {
            out.add("target " + target);
        }
        if (createdAfter != null) {
            out.add("createdAfter " + createdAfter);
        }
        if (createdBefore != null) {
            out.add("createdBefore " + createdBefore);
        }
        return out.toString();
    }

    private static List<String> values(List<String> given) {
        List<String> out = new ArrayList<>();
        if (given != null) {
            for (String v : given) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    private static DeliveryStatus status(String name) {
        for (DeliveryStatus s : DeliveryStatus.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private static Instant instant(String field, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("field 'filter." + field + "' must be an ISO-8601 date-time with Z or an offset, such as "
                    + "2026-11-24T12:00:00Z, got '" + shown(text) + "'");
            return null;
        }
    }

    private static String names(DeliveryStatus[] statuses) {
        return java.util.Arrays.stream(statuses).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String shown(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
