package io.flowhound.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowhound}: the one binary, with a subcommand per job. */
@Command(name = "flowhound",
        mixinStandardHelpOptions = true,
        versionProvider = FlowhoundVersion.class,
        description = "Collects cloud network flow logs, normalizes them and scores them for threats.",
        subcommands = {ReplayCommand.class, ServeCommand.class, CheckConfigCommand.class, CommandLine.HelpCommand.class})
public final class FlowhoundCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new FlowhoundCommand())
                .setExitCodeExceptionMapper(ExitCodes::forException)
                .setExecutionExceptionHandler(ExitCodes::reportFailure);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: replay, serve or check-config");
    }
}
