package io.flowhound.collector.config;

/** An enum constant as it is spelled in the YAML config file. */
interface YamlNamed {

    /** The snake_case spelling used in the config file. */
    String yamlName();
}
