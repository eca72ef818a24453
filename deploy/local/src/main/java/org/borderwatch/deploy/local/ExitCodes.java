package org.borderwatch.deploy.local;

/** The launcher's exit codes (also listed in README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Start-up failed, the broker died, or {@code status} found something down. */
    public static final int FAILURE = 1;
    /** Bad command line (picocli's own code). */
    public static final int USAGE = 2;
    public static final int PORT_IN_USE = 3;
    public static final int DATA_DIR_IN_USE = 4;

    private ExitCodes() {
    }
}
