package org.borderwatch.ingest.pipeline;

import java.util.Set;

/**
 * Which sources a sender may send reports of. A partner key lists source ids (or {@code *}); without a list a
 * partner may send statements and ACLED rows of any source (ingest reads who speaks and what they say from the text
 * and the registry) but canonical reports only of sources the registry does not know — a canonical report asserts
 * its source, stance and facts itself, so speaking for a ministry or an observer there takes an explicit grant.
 *
 * @param partner who sends (for the rejection detail); null for a sender that is not a partner key
 * @param sources the source ids allowed, {@code *} for any; null for the default above
 */
public record SourcePermission(String partner, Set<String> sources) {

    /** Any source in any format: the raw topics (whoever may write there is decided by the broker's ACLs) and the command. */
    public static final SourcePermission ANY = new SourcePermission(null, Set.of("*"));

    public SourcePermission {
        sources = sources == null || sources.isEmpty() ? null : Set.copyOf(sources);
    }

    /** Whether a report of {@code sourceId} in {@code format} may be sent; {@code registered}: the registry knows it. */
    public boolean allows(InputFormat format, String sourceId, boolean registered) {
        if (sources == null) {
            return format != InputFormat.CANONICAL || !registered;
        }
        return sources.contains("*") || sources.contains(sourceId);
    }

    /** The rejection detail for a refused report. */
    public String refusal(InputFormat format, String sourceId) {
        return "partner '" + partner + "' may not send " + format.id() + " reports of source '" + sourceId + "'"
                + (sources == null ? " (a registered source: its key needs it listed in sources)"
                : " (its key's sources: " + String.join(", ", sources.stream().sorted().toList()) + ")");
    }
}
