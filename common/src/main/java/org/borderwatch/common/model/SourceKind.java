package org.borderwatch.common.model;

public enum SourceKind {
    /** A ministry, border service, head of state or government speaking for one side. */
    PARTY_OFFICIAL,
    /** EUMA, OSCE, ICRC: an observer that can confirm or refute. */
    INDEPENDENT_OBSERVER,
    MEDIA,
    NGO,
    /** Curated event data such as ACLED: never an independent confirmation. */
    DATASET,
    OTHER
}
