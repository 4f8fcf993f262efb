package io.flowhound.collector.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole config file, bound and validated by {@link ConfigLoader#load}. Relative paths in the
 * file are resolved against the directory of the config file.
 *
 * @param stateDir      {@code state_dir}, required: directory for checkpoints, the finding store
 *                      and other durable state. It must be a writable directory or creatable.
 * @param deadLetterDir {@code dead_letter_dir}, optional, default {@code <state_dir>/dead-letter}:
 *                      where records that could not be parsed are written.
 * @param sources       {@code sources}, required, at least one: where flow logs are read from.
 * @param grpc          {@code grpc}, optional: the gRPC API server.
 * @param metrics       {@code metrics}, optional: the Prometheus metrics endpoint.
 * @param positions     not a key: where each value was written, for checks made after loading.
 */
public record FlowhoundConfig(
        Path stateDir,
        Path deadLetterDir,
        List<SourceConfig> sources,
        GrpcConfig grpc,
        MetricsConfig metrics,
        ConfigPositions positions) {

    /** The top-level keys, in the order the reference documents them. */
    public static final List<String> KEYS = List.of("state_dir", "dead_letter_dir", "sources", "grpc", "metrics");

    /** {@code dead_letter_dir} when not given, relative to {@code state_dir}. */
    public static final String DEFAULT_DEAD_LETTER_SUBDIR = "dead-letter";

    public FlowhoundConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(deadLetterDir, "deadLetterDir");
        sources = List.copyOf(sources);
        Objects.requireNonNull(grpc, "grpc");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(positions, "positions");
    }
}
