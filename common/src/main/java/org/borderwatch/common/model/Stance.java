package org.borderwatch.common.model;

public enum Stance {
    /** The source says something happened: an accusation, or a report of its own side's action. */
    CLAIM,
    /** The accused side says it did not happen. */
    DENIAL,
    /** An observer says it saw nothing. */
    REFUTATION,
    /** An observer or a third party confirms. */
    CONFIRMATION,
    /** The text does not say (for example a language the rules do not read). Never guessed. */
    UNKNOWN;

    /** Denials, refutations and confirmations respond to claims. */
    public boolean isResponse() {
        return this == DENIAL || this == REFUTATION || this == CONFIRMATION;
    }
}
