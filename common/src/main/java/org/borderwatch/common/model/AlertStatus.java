package org.borderwatch.common.model;

public enum AlertStatus {
    FIRING, RESOLVED
}
