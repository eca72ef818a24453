package org.borderwatch.classifier.engine;

import java.util.List;

/** The ninth round's fixture names, for the stream test in another package. */
public final class NinthRoundTestFixtures {

    public static final List<String> NAMES = NinthRoundTest.FIXTURES;

    private NinthRoundTestFixtures() {
    }
}
