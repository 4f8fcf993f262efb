package io.flowhound.collector.config;

import java.util.Set;

/**
 * The source types and formats this build can read. The enums list the whole config interface;
 * a value outside these sets is accepted by the YAML syntax but reported by check-config as "not
 * available in this version yet". An issue that implements a source type or a format adds it here,
 * one line, together with its implementation.
 */
public final class AvailableInThisVersion {

    /** Source types with an implementation. */
    public static final Set<SourceType> SOURCE_TYPES = Set.of(SourceType.LOCAL);

    /** Formats with a parser; {@code auto} recognises among the available ones. */
    public static final Set<SourceFormat> FORMATS = Set.of(SourceFormat.AWS_VPC_TEXT, SourceFormat.AUTO);

    private AvailableInThisVersion() {
    }
}
