package org.borderwatch.alert.silence;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.SignalType;

import java.time.Instant;
import java.util.Set;

/** What a person asks for; {@code startsAt} defaults to now. */
public record SilenceRequest(Set<BorderSegment> segments, Set<SignalType> signals, Set<String> sources,
                             Instant startsAt, Instant endsAt, String reason) {
}
