package io.flowhound.collector.cli;

import io.flowhound.collector.config.ConfigException;
import io.flowhound.collector.config.ConfigLoader;
import io.flowhound.collector.config.ConfigProblem;
import io.flowhound.collector.config.FlowhoundConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code flowhound check-config}: validates a config file, including what only the machine can
 * tell (paths readable, listen addresses free), without starting anything. Exit 0 when good;
 * exit 2 with one {@code FILE:LINE:COLUMN: message} line per problem on stderr when not.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a config file; print FILE:LINE:COLUMN: message for each problem.")
final class CheckConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ConfigException {
        FlowhoundConfig loaded = config.load();
        List<ConfigProblem> problems = ConfigLoader.checkRuntime(loaded);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        spec.commandLine().getOut().printf("%s: ok (%d sources)%n", config.file, loaded.sources().size());
        return ExitCodes.OK;
    }
}
