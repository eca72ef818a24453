package org.borderwatch.common.model;

/** Why an alert message was sent. */
public enum AlertEvent {
    /** First notification for an incident. */
    FIRED,
    /** Severity rose, the verdict changed, a new signal, or a repeat of a still-firing alert. */
    UPDATED,
    /** A person reviewed the verdict. */
    REVIEWED,
    /** The incident closed. */
    RESOLVED
}
