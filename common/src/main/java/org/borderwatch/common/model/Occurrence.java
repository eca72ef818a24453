package org.borderwatch.common.model;

/** Did the incident happen? */
public enum Occurrence {
    CONFIRMED, DISPUTED, REFUTED, UNVERIFIED
}
