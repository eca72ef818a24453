package org.borderwatch.classifier.reliability;

/**
 * Beta priors of source reliability (configuration keys {@code classifier.reliability.*}). A source starts at the
 * prior mean {@code alpha / (alpha + beta)} and moves with its record of claims later confirmed or refuted.
 */
public record ReliabilitySettings(double partyAlpha, double partyBeta, double observerAlpha, double observerBeta) {
    public ReliabilitySettings {
        if (partyAlpha <= 0 || partyBeta <= 0 || observerAlpha <= 0 || observerBeta <= 0) {
            throw new IllegalArgumentException("Beta prior parameters must be positive");
        }
    }

    public static ReliabilitySettings defaults() {
        return new ReliabilitySettings(2, 2, 8, 2);
    }
}
