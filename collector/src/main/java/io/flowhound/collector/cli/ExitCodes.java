package io.flowhound.collector.cli;

import io.flowhound.collector.config.ConfigException;
import io.flowhound.collector.config.ConfigProblem;
import picocli.CommandLine;

/**
 * Exit codes scripts can rely on: 0 success, 1 a runtime failure (I/O, a port in use), 2 a bad
 * command line or a bad config file.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_CONFIG = 2;

    private ExitCodes() {
    }

    static int forException(Throwable exception) {
        return exception instanceof ConfigException ? BAD_CONFIG : FAILURE;
    }

    /** Prints a failure as one clear line per problem on stderr, without a stack trace. */
    static int reportFailure(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (exception instanceof ConfigException config) {
            for (ConfigProblem problem : config.problems()) {
                commandLine.getErr().println(problem.format());
            }
            return BAD_CONFIG;
        }
        commandLine.getErr().println("flowhound " + commandLine.getCommandName() + ": " + exception.getMessage());
        return FAILURE;
    }
}
