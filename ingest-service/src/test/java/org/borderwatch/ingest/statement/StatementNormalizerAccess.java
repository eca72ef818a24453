package org.borderwatch.ingest.statement;

/** Opens the statement normaliser's package-private text helpers to tests in other packages. */
public final class StatementNormalizerAccess {

    private StatementNormalizerAccess() {
    }

    public static String capMarkRuns(String text) {
        return StatementNormalizer.capMarkRuns(text, RuleLimits.DEFAULTS.maxMarkRun());
    }
}
