package org.borderwatch.deploy.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar borderwatch-local.jar up|status|restart|demo|produce|consume}: runs BorderWatch's infrastructure on a machine without Docker.
 */
@Command(name = "borderwatch-local", mixinStandardHelpOptions = true, version = "BorderWatch local launcher",
        description = "Runs a Kafka broker, a MongoDB-wire store and the BorderWatch services on this machine.",
        subcommands = {UpCommand.class, StatusCommand.class, RestartCommand.class, DemoCommand.class, ProduceCommand.class,
                ConsumeCommand.class})
public final class Launcher implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line; bad arguments end with picocli's usage code, {@link ExitCodes#USAGE}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Launcher());
    }

    /** Without a subcommand: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
