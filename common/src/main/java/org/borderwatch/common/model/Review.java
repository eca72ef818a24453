package org.borderwatch.common.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A person's verdict on an incident, stored beside the machine's and shown first. */
public record Review(Occurrence occurrence, Attribution attribution, String note, String reviewer,
                     OffsetDateTime reviewedAt) {
    public Review {
        Objects.requireNonNull(occurrence, "review.occurrence");
        Objects.requireNonNull(reviewer, "review.reviewer");
        Objects.requireNonNull(reviewedAt, "review.reviewedAt");
    }
}
