package io.flowhound.adapters.aws;

import io.flowhound.adapters.FlowConsumer;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ParseError;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compares, in one JVM and alternating so that JIT and heap state are shared, (a) gzip
 * decompression alone, (b) parsing already decompressed bytes into full {@link Flow}s,
 * (c) both, as the collector runs them, and (d) a naive {@code readLine} + {@code split}
 * baseline over the same gzip file (splitting only, no Flow built). Two warm-up rounds, then
 * the median of five measured rounds.
 *
 * <p>Run: {@code mvn -B -q -pl adapters test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flowhound.adapters.aws.AwsVpcTextParserBenchmark [-Dexec.args=<file.log.gz>]}.
 * Without an argument it writes (once) {@code flowhound-aws-vpc-default-1m.log.gz} in the temp folder:
 * 1,000,000 default-format records from {@link AwsVpcSampleWriter}.
 */
public final class AwsVpcTextParserBenchmark {

    private static final int RECORDS = 1_000_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;
    private static final int GZIP_BUFFER = 64 * 1024;

    private final byte[] compressed;
    private final byte[] decompressed;
    private final AwsVpcTextParser parser = new AwsVpcTextParser();
    private long sink;

    private AwsVpcTextParserBenchmark(byte[] compressed) throws IOException {
        this.compressed = compressed;
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 8);
        try (InputStream in = gunzip()) {
            in.transferTo(out);
        }
        this.decompressed = out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("java.io.tmpdir"), "flowhound-aws-vpc-default-1m.log.gz");
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), GZIP_BUFFER)) {
                new AwsVpcSampleWriter(1).writeRecords(out, AwsVpcSampleWriter.DEFAULT_V2_FORMAT, RECORDS, 1714730400L);
            }
        }
        new AwsVpcTextParserBenchmark(Files.readAllBytes(file)).run(file);
    }

    private void run(Path file) throws IOException {
        long lines = 0;
        for (byte b : decompressed) {
            lines += b == '\n' ? 1 : 0;
        }
        double megabytes = decompressed.length / 1e6;
        System.out.printf("file=%s lines=%d compressed_mb=%.1f decompressed_mb=%.1f%n",
                file, lines, compressed.length / 1e6, megabytes);

        long[][] nanos = new long[4][MEASURED_ROUNDS];
        long flows = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            long[] times = new long[4];
            long start = System.nanoTime();
            decompressOnly();
            times[0] = System.nanoTime() - start;
            start = System.nanoTime();
            flows = parse(new ByteArrayInputStream(decompressed));
            times[1] = System.nanoTime() - start;
            start = System.nanoTime();
            parse(gunzip());
            times[2] = System.nanoTime() - start;
            start = System.nanoTime();
            naiveSplit();
            times[3] = System.nanoTime() - start;
            if (round >= WARM_UP_ROUNDS) {
                for (int task = 0; task < 4; task++) {
                    nanos[task][round - WARM_UP_ROUNDS] = times[task];
                }
            }
        }
        double decompress = median(nanos[0]);
        double parse = median(nanos[1]);
        double endToEnd = median(nanos[2]);
        double naive = median(nanos[3]);
        System.out.printf("decompress_only lines_per_s=%.0f mb_per_s=%.1f%n", lines / decompress, megabytes / decompress);
        System.out.printf("parse_only flows_per_s=%.0f mb_per_s=%.1f%n", flows / parse, megabytes / parse);
        System.out.printf("end_to_end flows_per_s=%.0f mb_per_s=%.1f%n", flows / endToEnd, megabytes / endToEnd);
        System.out.printf("naive_split lines_per_s=%.0f mb_per_s=%.1f%n", lines / naive, megabytes / naive);
        System.out.printf("parse_vs_decompress=%.2f (parse-only time / decompress time)%n", parse / decompress);
        System.out.printf("end_to_end_vs_naive=%.2f (our end-to-end time / naive time)%n", endToEnd / naive);
        System.out.println("sink=" + sink);
    }

    private void decompressOnly() throws IOException {
        byte[] buffer = new byte[128 * 1024];
        try (InputStream in = gunzip()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                sink += read;
            }
        }
    }

    private long parse(InputStream in) throws IOException {
        FlowCounter counter = new FlowCounter();
        try (in) {
            parser.parse(in, ResumePoint.START, new ParseContext("benchmark", "object", true), counter);
        }
        sink += counter.checksum;
        return counter.flows;
    }

    private void naiveSplit() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(gunzip(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink += line.split(" ").length;
            }
        }
    }

    private InputStream gunzip() throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(compressed), GZIP_BUFFER);
    }

    /** Seconds, from the median of the measured nanosecond times. */
    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }

    /** Touches every flow so that building it cannot be optimised away. */
    private static final class FlowCounter implements FlowConsumer {
        long flows;
        long checksum;

        @Override
        public void flow(Flow flow) {
            flows++;
            checksum += flow.getBytes() + flow.getSrcAddr().size() + flow.getProvenance().getRecordIndex();
        }

        @Override
        public void error(ParseError error) {
            throw new IllegalStateException("benchmark data should parse: " + error);
        }
    }
}
