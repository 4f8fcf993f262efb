package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.flowhound.adapters.BenchmarkFlowCounter;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * Compares, in one JVM and alternating so that JIT and heap state are shared, (a) raw JSON
 * tokenizing of the same bytes: one Jackson parser per line and {@code nextToken()} over every
 * token, nothing decoded or built, the floor any Jackson-based reader pays, and (b) the full
 * parse of those lines into {@link Flow}s by {@link GcpVpcFlowParser}. The records are VPC flow
 * entries from {@link GcpSampleWriter}, held in memory (sink objects are plain JSON, so there is
 * no decompression to measure). Two warm-up rounds, then the median of five measured rounds,
 * on the calling thread: the figures are per core. Each is given by wall time and by the thread's
 * CPU time ({@code cpu_*}), which stays meaningful when other work shares the machine.
 *
 * <p>Run: {@code mvn -B -q -pl adapters test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flowhound.adapters.gcp.GcpFlowParserBenchmark [-Dexec.args=<records>]}
 * (default 500,000 records).
 */
public final class GcpFlowParserBenchmark {

    private static final int DEFAULT_RECORDS = 500_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;

    private final byte[] object;
    private final JsonFactory jsonFactory = new JsonFactory();
    private final GcpVpcFlowParser parser = new GcpVpcFlowParser();
    private long sink;

    private GcpFlowParserBenchmark(byte[] object) {
        this.object = object;
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_RECORDS;
        ByteArrayOutputStream out = new ByteArrayOutputStream(records * 1100);
        new GcpSampleWriter(1).writeVpcFlowRecords(out, records, Instant.parse("2024-05-03T10:00:00Z"));
        new GcpFlowParserBenchmark(out.toByteArray()).run();
    }

    private void run() throws IOException {
        long lines = 0;
        for (byte b : object) {
            lines += b == '\n' ? 1 : 0;
        }
        double megabytes = object.length / 1e6;
        System.out.printf("records=%d mb=%.1f bytes_per_record=%.0f%n", lines, megabytes, object.length / (double) lines);

        // Wall time, and this thread's CPU time: on a busy machine the second still says what one core does.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] nanos = new long[4][MEASURED_ROUNDS];
        long flows = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            tokenizeOnly();
            long tokenize = System.nanoTime() - start;
            long tokenizeCpu = threads.getCurrentThreadCpuTime() - cpuStart;
            start = System.nanoTime();
            cpuStart = threads.getCurrentThreadCpuTime();
            flows = parse();
            long parse = System.nanoTime() - start;
            long parseCpu = threads.getCurrentThreadCpuTime() - cpuStart;
            if (round >= WARM_UP_ROUNDS) {
                nanos[0][round - WARM_UP_ROUNDS] = tokenize;
                nanos[1][round - WARM_UP_ROUNDS] = parse;
                nanos[2][round - WARM_UP_ROUNDS] = tokenizeCpu;
                nanos[3][round - WARM_UP_ROUNDS] = parseCpu;
            }
        }
        double tokenize = BenchmarkFlowCounter.medianSeconds(nanos[0]);
        double parse = BenchmarkFlowCounter.medianSeconds(nanos[1]);
        double tokenizeCpu = BenchmarkFlowCounter.medianSeconds(nanos[2]);
        double parseCpu = BenchmarkFlowCounter.medianSeconds(nanos[3]);
        System.out.printf("tokenize_only lines_per_s=%.0f mb_per_s=%.1f cpu_lines_per_s=%.0f%n",
                lines / tokenize, megabytes / tokenize, lines / tokenizeCpu);
        System.out.printf("parse flows_per_s=%.0f mb_per_s=%.1f cpu_flows_per_s=%.0f%n",
                flows / parse, megabytes / parse, flows / parseCpu);
        System.out.printf("parse_vs_tokenize=%.2f (full parse time / raw tokenizing time)%n", parse / tokenize);
        System.out.println("sink=" + sink);
    }

    /** One parser per line, as the real reader does, and every token visited; strings are skipped, not decoded. */
    private void tokenizeOnly() throws IOException {
        int start = 0;
        for (int i = 0; i < object.length; i++) {
            if (object[i] == '\n') {
                try (JsonParser json = jsonFactory.createParser(object, start, i - start)) {
                    while (json.nextToken() != null) {
                        sink++;
                    }
                }
                start = i + 1;
            }
        }
    }

    private long parse() throws IOException {
        BenchmarkFlowCounter counter = new BenchmarkFlowCounter();
        parser.parse(new ByteArrayInputStream(object), ResumePoint.START, new ParseContext("benchmark", "object", true), counter);
        sink += counter.checksum();
        return counter.flows();
    }


}
