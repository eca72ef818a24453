package org.borderwatch.classifier.engine;

import java.util.List;

/** The ninth and tenth rounds' fixture names, for the stream test in another package. */
public final class NinthRoundTestFixtures {

    public static final List<String> NAMES = NinthRoundTest.FIXTURES;
    /** The tenth round's. */
    public static final List<String> TENTH = TenthRoundTest.FIXTURES;

    private NinthRoundTestFixtures() {
    }
}
