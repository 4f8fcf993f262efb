package io.flowhound.collector.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code metrics} section: the Prometheus scrape endpoint.
 *
 * @param listen {@code listen}, optional, default {@code 127.0.0.1:9464}: {@code host:port} or
 *               {@code [v6-address]:port} serving {@code /metrics}.
 */
public record MetricsConfig(ListenAddress listen) {

    /** The keys of the section. */
    public static final List<String> KEYS = List.of("listen");

    /** {@code listen} when not given: loopback only; 9464 is the default port of the OpenTelemetry Prometheus exporter. */
    public static final ListenAddress DEFAULT_LISTEN = new ListenAddress("127.0.0.1", 9464);

    public MetricsConfig {
        Objects.requireNonNull(listen, "listen");
    }
}
