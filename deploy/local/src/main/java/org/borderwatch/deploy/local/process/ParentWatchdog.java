package org.borderwatch.deploy.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The first main class of every child JVM the launcher starts: it runs the real main class and ends the JVM when
 * the launcher is gone, so a killed launcher ({@code kill -9}) leaves no broker or service behind.
 *
 * <p>Usage: {@code ParentWatchdog <launcher-pid> <main-class> [args...]}. The child exits (normally, so its own
 * shutdown hooks run) when the launcher process ends, when it is no longer this process's parent, or when the pipe
 * on standard input closes. If the clean exit hangs, the JVM is halted after a grace period.
 *
 * <p>This class is copied as a single class file onto the child's classpath: it must use only the JDK, and no
 * nested or anonymous classes (lambdas are fine).
 */
public final class ParentWatchdog {

    static final int EXIT_PARENT_GONE = 143;
    private static final long POLL_MILLIS = 500;
    private static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ParentWatchdog <parent-pid> <main-class> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        String mainClass = args[1];
        String[] rest = Arrays.copyOfRange(args, 2, args.length);

        daemon("bw-parent-watch", () -> watchParent(parentPid));
        daemon("bw-stdin-watch", ParentWatchdog::watchStdin);

        Method main = Class.forName(mainClass, true, ClassLoader.getSystemClassLoader())
                .getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** True while the process {@code parentPid} is alive and still this process's parent. */
    static boolean parentAlive(long parentPid) {
        boolean stillParent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid;
        return stillParent && ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void watchParent(long parentPid) {
        while (parentAlive(parentPid)) {
            pause(POLL_MILLIS);
        }
        leave("launcher process " + parentPid + " is gone");
    }

    private static void watchStdin() {
        try {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the launcher never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input
        }
        leave("standard input closed (the launcher is stopping or gone)");
    }

    private static synchronized void leave(String why) {
        System.err.println("[watchdog] " + why + "; stopping this process");
        daemon("bw-halt", () -> {
            pause(HALT_AFTER_MILLIS);
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        });
        System.exit(EXIT_PARENT_GONE);
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
