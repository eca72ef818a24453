package org.borderwatch.classifier.reliability;

/**
 * Beta priors of source reliability (configuration keys {@code classifier.reliability.*}). A source starts at the
 * prior mean {@code alpha / (alpha + beta)} and moves with its record of claims later confirmed or refuted.
 */
public record ReliabilitySettings(double partyAlpha, double partyBeta, double observerAlpha, double observerBeta) {
    /** The defaults as written in configuration (one source for the service and the replay command). */
    public static final String PARTY_ALPHA = "2";
    public static final String PARTY_BETA = "2";
    public static final String OBSERVER_ALPHA = "8";
    public static final String OBSERVER_BETA = "2";

    public ReliabilitySettings {
        if (partyAlpha <= 0 || partyBeta <= 0 || observerAlpha <= 0 || observerBeta <= 0) {
            throw new IllegalArgumentException("Beta prior parameters must be positive");
        }
    }

    public static ReliabilitySettings defaults() {
        return new ReliabilitySettings(Double.parseDouble(PARTY_ALPHA), Double.parseDouble(PARTY_BETA),
                Double.parseDouble(OBSERVER_ALPHA), Double.parseDouble(OBSERVER_BETA));
    }
}
