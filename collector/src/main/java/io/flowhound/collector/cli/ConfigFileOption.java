package io.flowhound.collector.cli;

import io.flowhound.collector.config.ConfigException;
import io.flowhound.collector.config.ConfigLoader;
import io.flowhound.collector.config.FlowhoundConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --config FILE} option every daemon command takes. */
final class ConfigFileOption {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    FlowhoundConfig load() throws ConfigException {
        return ConfigLoader.load(file);
    }
}
