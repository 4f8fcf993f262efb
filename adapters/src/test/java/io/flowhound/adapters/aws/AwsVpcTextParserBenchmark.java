package io.flowhound.adapters.aws;

import io.flowhound.adapters.BenchmarkFlowCounter;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compares, in one JVM and alternating so that JIT and heap state are shared, (a) gzip
 * decompression alone, (b) parsing already decompressed bytes into full {@link Flow}s,
 * (c) both, as the collector runs them, and (d) a naive {@code readLine} + {@code split}
 * baseline over the same gzip file (splitting only, no Flow built). Two warm-up rounds, then
 * the median of five measured rounds.
 *
 * <p>Two datasets of 1,000,000 default-format records each, written once into the temp folder
 * (the name carries the record count and {@link AwsVpcSampleWriter#GENERATOR_VERSION}):
 * {@code fleet}, the headline, from {@link AwsVpcFleetTraffic} (500 interfaces, many internet
 * addresses; compresses like real logs), then {@code few-workloads}, the six-workload samples
 * of {@link AwsVpcSampleWriter#writeRecords} (compresses far better, so gzip is faster on it).
 *
 * <p>Run: {@code mvn -B -q -pl adapters test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flowhound.adapters.aws.AwsVpcTextParserBenchmark [-Dexec.args=<file.log.gz>]};
 * with a file argument only that file is measured. See docs/BENCHMARKS.md.
 */
public final class AwsVpcTextParserBenchmark {

    private static final int RECORDS = 1_000_000;
    private static final long WINDOW_START = 1714730400L;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;
    private static final int GZIP_BUFFER = 64 * 1024;

    /** Writes one dataset's records into a stream. */
    private interface Generator {
        void write(OutputStream out) throws IOException;
    }

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
        printEnvironment();
        if (args.length > 0) {
            Path file = Path.of(args[0]);
            new AwsVpcTextParserBenchmark(Files.readAllBytes(file)).run(file.getFileName().toString());
            return;
        }
        run("fleet", out -> new AwsVpcSampleWriter(1).writeFleetRecords(out, RECORDS, WINDOW_START));
        run("few-workloads", out -> new AwsVpcSampleWriter(1)
                .writeRecords(out, AwsVpcSampleWriter.DEFAULT_V2_FORMAT, RECORDS, WINDOW_START));
    }

    /** Measures one dataset, writing its file first unless an earlier run left it in the temp folder. */
    private static void run(String dataset, Generator generator) throws IOException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "flowhound-aws-vpc-" + dataset + "-" + RECORDS
                + "-g" + AwsVpcSampleWriter.GENERATOR_VERSION + ".log.gz");
        if (!Files.exists(file)) {
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), GZIP_BUFFER)) {
                generator.write(out);
            }
            Files.move(partial, file);
        }
        new AwsVpcTextParserBenchmark(Files.readAllBytes(file)).run(dataset);
    }

    /** The JVM, GC and cores, so that figures can be attributed. */
    private static void printEnvironment() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(","));
        System.out.printf("jvm=\"%s %s\" gc=\"%s\" cores=%d max_heap_mb=%d%n", runtime.getVmName(),
                runtime.getVmVersion(), collectors, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private void run(String dataset) throws IOException {
        long lines = 0;
        for (byte b : decompressed) {
            lines += b == '\n' ? 1 : 0;
        }
        double megabytes = decompressed.length / 1e6;
        System.out.printf("dataset=%s lines=%d compressed_mb=%.1f decompressed_mb=%.1f ratio=%.2f%n",
                dataset, lines, compressed.length / 1e6, megabytes, (double) decompressed.length / compressed.length);

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
        double decompress = BenchmarkFlowCounter.medianSeconds(nanos[0]);
        double parse = BenchmarkFlowCounter.medianSeconds(nanos[1]);
        double endToEnd = BenchmarkFlowCounter.medianSeconds(nanos[2]);
        double naive = BenchmarkFlowCounter.medianSeconds(nanos[3]);
        System.out.printf("  decompress_only lines_per_s=%.0f mb_per_s=%.1f%n", lines / decompress, megabytes / decompress);
        System.out.printf("  parse_only flows_per_s=%.0f mb_per_s=%.1f%n", flows / parse, megabytes / parse);
        System.out.printf("  end_to_end flows_per_s=%.0f mb_per_s=%.1f%n", flows / endToEnd, megabytes / endToEnd);
        System.out.printf("  naive_split lines_per_s=%.0f mb_per_s=%.1f%n", lines / naive, megabytes / naive);
        System.out.printf("  parse_vs_decompress=%.2f (parse-only time / decompress time; below 1 meets the target)%n",
                parse / decompress);
        System.out.printf("  end_to_end_vs_naive=%.2f (our end-to-end time / naive time)%n", endToEnd / naive);
        System.out.println("  sink=" + sink);
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
        BenchmarkFlowCounter counter = new BenchmarkFlowCounter();
        try (in) {
            parser.parse(in, ResumePoint.START, new ParseContext("benchmark", "object", true), counter);
        }
        sink += counter.checksum();
        return counter.flows();
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


}
