package org.borderwatch.common.model;

/** Does the side named as acting dispute it? */
public enum Attribution {
    UNCONTESTED, CONTESTED
}
