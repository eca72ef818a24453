package org.borderwatch.common.model;

public enum SignalType {
    CLAIM_SURGE,
    UNCORROBORATED_SURGE,
    FATALITIES,
    RETALIATION_CYCLE,
    HEAVY_WEAPONS,
    SPREAD,
    QUIET_BROKEN
}
