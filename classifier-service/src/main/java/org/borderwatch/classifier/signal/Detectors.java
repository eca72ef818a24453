package org.borderwatch.classifier.signal;

import java.util.List;

/** The detectors, in the order their signals appear in an assessment. */
public final class Detectors {

    private Detectors() {
    }

    public static List<SignalDetector> all() {
        return List.of(new ClaimSurgeDetector(), new UncorroboratedSurgeDetector(), new FatalitiesDetector(),
                new RetaliationDetector(), new HeavyWeaponsDetector(), new SpreadDetector(),
                new QuietBrokenDetector());
    }
}
