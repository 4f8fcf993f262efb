package io.flowhound.adapters;

import io.flowhound.adapters.aws.AwsVpcFormatRecognizer;
import io.flowhound.adapters.aws.AwsVpcTextParser;
import io.flowhound.adapters.azure.AzureFormatRecognizer;
import io.flowhound.adapters.azure.AzureNsgParser;
import io.flowhound.adapters.azure.AzureVnetParser;
import io.flowhound.adapters.gcp.GcpFirewallParser;
import io.flowhound.adapters.gcp.GcpFormatRecognizer;
import io.flowhound.adapters.gcp.GcpVpcFlowParser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The formats this build reads, by their configured name, and {@code format: auto}. A new
 * format is added here: its factory in {@link #FACTORIES} and its recognizer in
 * {@link #RECOGNIZERS}.
 */
public final class FlowFormats {

    /** How much of the decompressed start of an object recognizers look at. */
    static final int HEAD_BYTES = 16 * 1024;

    private static final Map<String, Function<FormatOptions, FlowParser>> FACTORIES = Map.of(
            AwsVpcTextParser.FORMAT, options -> new AwsVpcTextParser(options.awsLogFormat()),
            GcpVpcFlowParser.FORMAT, options -> new GcpVpcFlowParser(),
            GcpFirewallParser.FORMAT, options -> new GcpFirewallParser(),
            AzureNsgParser.FORMAT, options -> new AzureNsgParser(),
            AzureVnetParser.FORMAT, options -> new AzureVnetParser());

    private static final List<FormatRecognizer> RECOGNIZERS = List.of(
            new AwsVpcFormatRecognizer(), GcpFormatRecognizer.VPC_FLOW, GcpFormatRecognizer.FIREWALL,
            AzureFormatRecognizer.nsg(), AzureFormatRecognizer.vnet());

    private FlowFormats() {
    }

    /** Whether this build has a parser for {@code format}. */
    public static boolean isAvailable(String format) {
        return FACTORIES.containsKey(format);
    }

    /** @throws IllegalArgumentException for a format this build cannot read */
    public static FlowParser create(String format, FormatOptions options) {
        Function<FormatOptions, FlowParser> factory = FACTORIES.get(format);
        if (factory == null) {
            throw new IllegalArgumentException("format " + format + " is not available in this version");
        }
        return factory.apply(options);
    }

    /**
     * Recognises an object's format from its key and the start of its decompressed bytes.
     *
     * @return the format name, or empty when no recognizer claims the object
     * @throws ObjectReadException when the start of the object cannot be read or decompressed
     */
    public static Optional<String> detect(ObjectSource source, ObjectRef object) throws ObjectReadException {
        try (BufferedInputStream stored = Decompression.buffered(source.open(object, 0));
             InputStream decompressed = Decompression.decompressed(stored)) {
            return detect(object.key(), decompressed.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            throw new ObjectReadException(object.key(), "cannot read the start of the object to recognise its format", e);
        }
    }

    static Optional<String> detect(String key, byte[] head) {
        for (FormatRecognizer recognizer : RECOGNIZERS) {
            if (recognizer.recognizes(key, head)) {
                return Optional.of(recognizer.format());
            }
        }
        return Optional.empty();
    }

    /** Claims objects of one format by their key layout or their first bytes. */
    public interface FormatRecognizer {

        String format();

        boolean recognizes(String key, byte[] head);

        /** The first line of {@code head}, without its line ending. */
        static String firstLine(byte[] head) {
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end > 0 && head[end - 1] == '\r') {
                end--;
            }
            return new String(Arrays.copyOf(head, end), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
