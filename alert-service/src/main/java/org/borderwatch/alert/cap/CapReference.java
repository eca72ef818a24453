package org.borderwatch.alert.cap;

import java.time.OffsetDateTime;

/** An earlier CAP message of the same alert, as a {@code references} entry needs it. */
public record CapReference(String identifier, OffsetDateTime sent) {
}
