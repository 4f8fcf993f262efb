package io.flowhound.collector.config;

import io.flowhound.adapters.FlowFormats;

import java.util.Set;

/**
 * The source types and formats this build can read. The enums list the whole config interface;
 * a value outside these is accepted by the YAML syntax but reported by check-config as "not
 * available in this version yet". An issue that implements a source type adds it here, one line;
 * formats are available as soon as their parser is registered in {@link FlowFormats}.
 */
public final class AvailableInThisVersion {

    /** Source types with an implementation. */
    public static final Set<SourceType> SOURCE_TYPES = Set.of(SourceType.LOCAL);

    /** Whether {@code format} has a parser; {@code auto} recognises among the available ones. */
    public static boolean hasFormat(SourceFormat format) {
        return format == SourceFormat.AUTO || FlowFormats.isAvailable(format.yamlName());
    }

    private AvailableInThisVersion() {
    }
}
