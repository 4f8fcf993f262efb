package io.flowhound.adapters.azure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.flowhound.adapters.FlowParser;
import io.flowhound.adapters.BenchmarkFlowCounter;
import io.flowhound.adapters.ParseContext;
import io.flowhound.adapters.ResumePoint;
import io.flowhound.proto.Flow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Compares, in one JVM and alternating so that JIT and heap state are shared, (a) raw Jackson
 * tokenizing of a PT1H.json document ({@code nextToken} over every token, no values read) with
 * (b) our full parse of the same bytes into {@link Flow}s, for an NSG v2 and a VNet document of
 * at least 1,000,000 tuples from {@link AzureSampleWriter}, held in memory. Two warm-up rounds,
 * then the median of five measured rounds; reports tuples per second (one core: the parse is
 * single-threaded) and the ratio of the two times.
 *
 * <p>Run: {@code mvn -B -q -pl proto,adapters -am test-compile exec:java -pl adapters
 * -Dexec.classpathScope=test -Dexec.mainClass=io.flowhound.adapters.azure.AzureFlowParserBenchmark}.
 */
public final class AzureFlowParserBenchmark {

    private static final int MIN_TUPLES = 1_000_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;

    private final JsonFactory json = new JsonFactory();
    private long sink;

    public static void main(String[] args) throws IOException {
        AzureFlowParserBenchmark benchmark = new AzureFlowParserBenchmark();
        AzureSampleWriter writer = new AzureSampleWriter(1);
        Instant hour = Instant.parse("2024-05-03T10:00:00Z");
        AzureNsgParser nsg = new AzureNsgParser();
        benchmark.run("azure_nsg", nsg, document(nsg, minute -> writer.nsgRecord(hour, "000D3A6E1B01", 0, minute)));
        AzureVnetParser vnet = new AzureVnetParser();
        benchmark.run("azure_vnet", vnet, document(vnet, minute -> writer.vnetRecord(hour, "6045BDA17C03", 0, minute)));
        System.out.println("sink=" + benchmark.sink);
    }

    /** Records one after another (as if the NIC-hour had many more minutes) until the tuples reach MIN_TUPLES. */
    private static byte[] document(FlowParser parser, java.util.function.IntFunction<String> record) {
        StringBuilder out = new StringBuilder("{\"records\":[");
        long tuples = 0;
        for (int minute = 0; tuples < MIN_TUPLES; minute++) {
            String next = record.apply(minute);
            tuples += CollectedFlows.parse(parser, "{\"records\":[" + next + "]}").flows.size();
            out.append(minute == 0 ? "" : ",").append(next);
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void run(String format, FlowParser parser, byte[] document) throws IOException {
        long[][] nanos = new long[2][MEASURED_ROUNDS];
        long tuples = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            long start = System.nanoTime();
            tokenize(document);
            long tokenizing = System.nanoTime() - start;
            start = System.nanoTime();
            tuples = parse(parser, document);
            long parsing = System.nanoTime() - start;
            if (round >= WARM_UP_ROUNDS) {
                nanos[0][round - WARM_UP_ROUNDS] = tokenizing;
                nanos[1][round - WARM_UP_ROUNDS] = parsing;
            }
        }
        double tokenize = BenchmarkFlowCounter.medianSeconds(nanos[0]);
        double parse = BenchmarkFlowCounter.medianSeconds(nanos[1]);
        double megabytes = document.length / 1e6;
        System.out.printf("%s document_mb=%.1f tuples=%d%n", format, megabytes, tuples);
        System.out.printf("%s jackson_tokenize_only tuples_per_s=%.0f mb_per_s=%.1f%n", format, tuples / tokenize, megabytes / tokenize);
        System.out.printf("%s full_parse tuples_per_s=%.0f mb_per_s=%.1f%n", format, tuples / parse, megabytes / parse);
        System.out.printf("%s parse_vs_tokenize=%.2f (full parse time / tokenize-only time)%n", format, parse / tokenize);
    }

    private void tokenize(byte[] document) throws IOException {
        try (JsonParser parser = json.createParser(document)) {
            long tokens = 0;
            while (parser.nextToken() != null) {
                tokens++;
            }
            sink += tokens;
        }
    }

    private long parse(FlowParser parser, byte[] document) throws IOException {
        BenchmarkFlowCounter counter = new BenchmarkFlowCounter();
        parser.parse(new ByteArrayInputStream(document), ResumePoint.START, new ParseContext("benchmark", "PT1H.json", true),
                counter);
        sink += counter.checksum();
        return counter.flows();
    }


}
