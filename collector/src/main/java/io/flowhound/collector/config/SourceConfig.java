package io.flowhound.collector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code sources}: a place flow log objects are read from.
 *
 * @param name         {@code name}, required: unique among the sources, letters, digits, {@code .},
 *                     {@code _} and {@code -}. Copied into every flow's provenance and used as the
 *                     checkpoint key, so renaming a source starts it from scratch.
 * @param type         {@code type}, required: {@code local}, {@code s3}, {@code gcs} or
 *                     {@code azure_blob}; see {@link AvailableInThisVersion#SOURCE_TYPES}.
 * @param path         {@code path}, required for {@code local}: a readable directory, or one file.
 * @param format       {@code format}, optional, default {@code auto}: the flow log format of the
 *                     objects; see {@link SourceFormat}.
 * @param include      {@code include}, optional, default every regular file: a glob relative to
 *                     {@code path} selecting the objects to read, e.g. {@code **}{@code /*.log.gz}.
 * @param logFormat    {@code log_format}, optional: the AWS field order, space-separated AWS field
 *                     names (e.g. {@code version account-id interface-id ...}; the console's
 *                     {@code ${version} ${account-id}} spelling is accepted too), for files without
 *                     a header line. Empty when not given: the files' header line is used.
 * @param pollInterval {@code poll_interval}, optional, default {@code 10s}: how often {@code serve}
 *                     looks for new objects; a whole number with {@code ms}, {@code s}, {@code m}
 *                     or {@code h}.
 */
public record SourceConfig(
        String name,
        SourceType type,
        Path path,
        SourceFormat format,
        Optional<String> include,
        List<String> logFormat,
        Duration pollInterval) {

    /** The keys of a source, in the order the reference documents them. */
    public static final List<String> KEYS =
            List.of("name", "type", "path", "format", "include", "log_format", "poll_interval");

    /** {@code poll_interval} when not given. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    public SourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(include, "include");
        logFormat = List.copyOf(logFormat);
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
