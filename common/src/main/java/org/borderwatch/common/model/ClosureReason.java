package org.borderwatch.common.model;

/**
 * Why the classifier closed an incident (the {@link Closure} of its final version).
 * <ul>
 *   <li>{@code QUIET}: no new report for the quiet period (the ordinary close; also the stream's idle advance);</li>
 *   <li>{@code MERGED}: a report bridged it with another incident, which carries on with its reports
 *       ({@link Closure#mergedInto()} names it);</li>
 *   <li>{@code DISSOLVED}: its reports left it (a correction moved them elsewhere); it holds nothing any more;</li>
 *   <li>{@code ASSESSED_ALONE}: a single statement assessed on its own and closed at once, compared with nothing —
 *       a report beyond the grace, a retrospective account of a past event, a late answer to a claim whose incident
 *       had closed, a correction of a claim whose incident had been evicted.</li>
 * </ul>
 * MERGED and DISSOLVED are withdrawals (the incident was not one of its own), the others resolutions.
 */
public enum ClosureReason {
    QUIET, MERGED, DISSOLVED, ASSESSED_ALONE;

    /** Whether the incident was withdrawn (merged into another, or dissolved) rather than resolved. */
    public boolean withdrawn() {
        return this == MERGED || this == DISSOLVED;
    }
}
