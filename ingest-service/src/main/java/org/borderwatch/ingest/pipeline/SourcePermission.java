package org.borderwatch.ingest.pipeline;

import java.util.Set;

/**
 * Which registry sources a sender may send reports of, in every format. The registry's sources are the publishers
 * whose word the classifier weighs by who they are (the sides' officials, the observers that refute and confirm, the
 * media, the ACLED dataset), so speaking for one takes a grant: a partner key lists the source ids it may send (or
 * {@code *}), and a key without a list sends only reports of sources the registry does not know (a statement of an
 * unknown publisher is read as kind {@code OTHER}; a canonical report of one may not claim a registered kind). A raw
 * topic may be limited the same way by configuration; without a list it carries any source (who may write to it is
 * decided by the broker's ACLs). Sources the registry does not know are never refused here.
 *
 * @param partner the sending partner (named in the rejection detail); null for a raw topic or the command
 * @param topic   the raw topic (named in the rejection detail); null for a partner or the command
 * @param setting where the list of a topic is configured, for the detail (e.g. ingest.kafka.allowed-sources.statement)
 * @param sources the registry source ids allowed, {@code *} for any; null for none
 * @param unregistered whether reports of publishers the registry does not know may be sent (a partner key's
 *                     {@code allow-unregistered}, true unless set to false; always true for raw topics and the command)
 */
public record SourcePermission(String partner, String topic, String setting, Set<String> sources,
                               boolean unregistered) {

    /** Any source: a raw topic without an allow-list, and the offline command. */
    public static final SourcePermission ANY = new SourcePermission(null, null, null, Set.of("*"), true);

    public SourcePermission {
        sources = sources == null || sources.isEmpty() ? null : Set.copyOf(sources);
    }

    /** A partner key's grant: {@code sources} null or empty for none (only sources the registry does not know). */
    public SourcePermission(String partner, Set<String> sources) {
        this(partner, sources, true);
    }

    /**
     * A partner key's grant, and whether it may also send reports of publishers the registry does not know
     * ({@code allow-unregistered}).
     */
    public SourcePermission(String partner, Set<String> sources, boolean unregistered) {
        this(partner, null, null, sources, unregistered);
    }

    /** A raw topic's allow-list from {@code setting}; null or empty: any source. */
    public static SourcePermission topic(String topic, String setting, Set<String> sources) {
        return sources == null || sources.isEmpty() ? ANY : new SourcePermission(null, topic, setting, sources, true);
    }

    /**
     * Whether a report of {@code sourceId} may be sent; {@code registered}: the registry knows it. The format does not
     * matter: a ministry's claim is as weighty as a statement as in canonical form.
     */
    public boolean allows(InputFormat format, String sourceId, boolean registered) {
        if (!registered) {
            return unregistered;
        }
        return sources != null && (sources.contains("*") || sources.contains(sourceId));
    }

    /** The rejection detail for a refused report of a publisher the registry does not know. */
    public String refusal(InputFormat format, String sourceId, boolean registered) {
        if (!registered) {
            return "partner '" + partner + "' may not send " + format.id() + " reports of publishers the registry "
                    + "does not know (source '" + sourceId + "'; its key sets allow-unregistered: false)";
        }
        return refusal(format, sourceId);
    }

    /** The rejection detail for a refused report: who may not send it, the source, and what the grant says. */
    public String refusal(InputFormat format, String sourceId) {
        String granted = sources == null ? "" : String.join(", ", sources.stream().sorted().toList());
        if (partner == null && topic != null) {
            return "topic '" + topic + "' may not carry " + format.id() + " reports of source '" + sourceId
                    + "' (" + setting + ": " + granted + ")";
        }
        return "partner '" + partner + "' may not send " + format.id() + " reports of source '" + sourceId + "'"
                + (sources == null ? " (a registered source: its key needs it listed in sources)"
                : " (its key's sources: " + granted + ")");
    }
}
