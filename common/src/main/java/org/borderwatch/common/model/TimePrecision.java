package org.borderwatch.common.model;

public enum TimePrecision {
    MINUTE,
    HOUR,
    /** Only the day is known: the interval is that whole local day. */
    DAY,
    /** The text gives no time: the interval is the day of publication. */
    UNKNOWN
}
