package io.flowhound.adapters;

/** Test access to {@link FlowFormats#detect(String, byte[])}, which is package-private. */
public final class FlowFormatsProbe {

    private FlowFormatsProbe() {
    }

    /** The recognised format, or {@code none}. */
    public static String detect(String key, byte[] object) {
        byte[] head = java.util.Arrays.copyOf(object, Math.min(object.length, FlowFormats.HEAD_BYTES));
        return FlowFormats.detect(key, head).orElse("none");
    }
}
