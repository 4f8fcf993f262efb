package io.flowhound.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowhound.collector.config.ConfigPositions.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    private static final String SOURCE_KEYS = "name, type, path, format, include, log_format, poll_interval";
    private static final String FORMATS =
            "aws_vpc_text, aws_vpc_parquet, gcp_vpc_flow, gcp_firewall, azure_nsg, azure_vnet, auto";

    @TempDir
    Path root;

    /** The config file lives in {@code root/etc}, the flow logs in {@code root/samples/aws}. */
    private Path file;
    private Path samples;

    @BeforeEach
    void layOutFiles() throws IOException {
        file = root.resolve("etc/flowhound.yaml");
        Files.createDirectories(file.getParent());
        samples = Files.createDirectories(root.resolve("samples/aws"));
    }

    @Test
    void aCompleteFileBindsEveryField() throws Exception {
        Path single = Files.writeString(root.resolve("samples/one.log"), "");
        FlowhoundConfig config = load("""
                state_dir: ../state
                dead_letter_dir: %s
                sources:
                  - name: aws-samples
                    type: local
                    path: ../samples/aws
                    format: aws_vpc_text
                    include: "**/*.log.gz"
                    log_format: "version account-id interface-id"
                    poll_interval: 500ms
                  - name: one_file.v2
                    type: local
                    path: ../samples/one.log
                    format: auto
                    poll_interval: 2m
                grpc:
                  listen: "[::1]:50051"
                metrics:
                  listen: 0.0.0.0:9464
                """.formatted(root.resolve("dead")));

        assertEquals(root.resolve("state"), config.stateDir());
        assertEquals(root.resolve("dead"), config.deadLetterDir());
        assertEquals(List.of(
                new SourceConfig("aws-samples", SourceType.LOCAL, samples, SourceFormat.AWS_VPC_TEXT,
                        Optional.of("**/*.log.gz"), List.of("version", "account-id", "interface-id"),
                        Duration.ofMillis(500)),
                new SourceConfig("one_file.v2", SourceType.LOCAL, single, SourceFormat.AUTO,
                        Optional.empty(), List.of(), Duration.ofMinutes(2))),
                config.sources());
        assertEquals(new ListenAddress("::1", 50051), config.grpc().listen());
        assertEquals(new ListenAddress("0.0.0.0", 9464), config.metrics().listen());
        assertEquals(file, config.positions().file());
        assertEquals(Optional.of(new Position(6, 11)), config.positions().valueAt("sources[0].path"));
        assertEquals(Optional.of(new Position(17, 11)), config.positions().valueAt("grpc.listen"));
    }

    @Test
    void optionalKeysTakeTheirDefaults() throws Exception {
        FlowhoundConfig config = load("""
                state_dir: ./state
                sources:
                  - name: aws
                    type: local
                    path: ../samples/aws
                """);

        assertEquals(file.getParent().resolve("state/dead-letter"), config.deadLetterDir());
        SourceConfig source = config.sources().get(0);
        assertEquals(SourceFormat.AUTO, source.format());
        assertEquals(Optional.empty(), source.include());
        assertEquals(List.of(), source.logFormat());
        assertEquals(Duration.ofSeconds(10), source.pollInterval());
        assertEquals(new ListenAddress("127.0.0.1", 50051), config.grpc().listen());
        assertEquals(new ListenAddress("127.0.0.1", 9464), config.metrics().listen());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectoryNotTheWorkingDirectory() throws Exception {
        FlowhoundConfig config = load("""
                state_dir: state/./x/..
                sources:
                  - {name: aws, type: local, path: ../samples/aws}
                """);

        assertEquals(root.resolve("etc/state"), config.stateDir());
        assertEquals(samples, config.sources().get(0).path());
        assertEquals(config.stateDir().toAbsolutePath().normalize(), config.stateDir());
    }

    @Test
    void consoleSpellingOfAnAwsLogFormatIsAccepted() throws Exception {
        FlowhoundConfig config = load(valid("    log_format: ${version} ${account-id}  ${srcaddr}\n"));

        assertEquals(List.of("version", "account-id", "srcaddr"), config.sources().get(0).logFormat());
    }

    @Test
    void checkingDoesNotCreateTheStateDirectory() throws Exception {
        FlowhoundConfig config = load(valid(""));

        assertFalse(Files.exists(config.stateDir()));
    }

    @Test
    void unknownKeysArePointedAtAndListTheKnownOnes() {
        assertProblems(valid("    pathh: ../samples/aws\nstate_dri: x\n"),
                at(7, 5, "sources[0].pathh: unknown key (known keys: " + SOURCE_KEYS + ")"),
                at(8, 1, "state_dri: unknown key (known keys: state_dir, dead_letter_dir, sources, grpc, metrics)"));
    }

    @Test
    void aKeyGivenTwiceIsAProblem() {
        assertProblems(valid("    type: s3\n"),
                at(7, 5, "sources[0].type: duplicate key (first given at line 4)"));
    }

    @Test
    void missingRequiredKeysArePointedAtTheirMapping() {
        assertProblems("""
                grpc:
                  listen: 127.0.0.1:1
                """,
                at(1, 1, "state_dir: required key is missing"),
                at(1, 1, "sources: required key is missing"));
        assertProblems("""
                state_dir: ./state
                sources:
                  - type: local
                    format: auto
                """,
                at(3, 5, "sources[0].name: required key is missing"),
                at(3, 5, "sources[0].path: required key is missing"));
    }

    @Test
    void valuesOfTheWrongShapeSayWhatWasExpected() {
        assertProblems("""
                state_dir: [a, b]
                sources: aws
                grpc: 50051
                """,
                at(1, 12, "state_dir: expected a path, got a list"),
                at(2, 10, "sources: expected a list of sources, got \"aws\""),
                at(3, 7, "grpc: expected a mapping with listen, got \"50051\""));
        assertProblems("""
                state_dir: ./state
                sources:
                  - aws
                  - name:
                    type: {local: yes}
                    path: ""
                """,
                at(3, 5, "sources[0]: expected a mapping with name, type and path, got \"aws\""),
                at(4, 10, "sources[1].name: no value given (expected a name)"),
                at(5, 11, "sources[1].type: expected one of: local, s3, gcs, azure_blob, got a mapping"),
                at(6, 11, "sources[1].path: empty value (expected a path)"));
    }

    @Test
    void anEmptySourceListIsAProblem() {
        assertProblems("state_dir: ./state\nsources: []\n",
                at(2, 10, "sources: at least one source is required"));
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        assertProblems(valid("  - name: gcp\n    type: ftp\n    path: ../samples/aws\n    format: aws_vpc\n"),
                at(8, 11, "sources[1].type: unknown value \"ftp\" (expected one of: local, s3, gcs, azure_blob)"),
                at(10, 13, "sources[1].format: unknown value \"aws_vpc\" (expected one of: " + FORMATS + ")"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3", "gcs", "azure_blob"})
    void sourceTypesOfLaterVersionsAreReportedAsNotAvailableYet(String type) {
        assertProblems("""
                state_dir: ./state
                sources:
                  - name: cloud
                    type: %s
                """.formatted(type),
                at(4, 11, "sources[0].type: source type " + type + " is not available in this version yet"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws_vpc_parquet"})
    void formatsOfLaterVersionsAreReportedAsNotAvailableYet(String format) {
        assertProblems(valid("    format: " + format + "\n"),
                at(7, 13, "sources[0].format: format " + format + " is not available in this version yet"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure_nsg", "azure_vnet"})
    void azureFormatsAreAvailable(String format) throws IOException, ConfigException {
        FlowhoundConfig config = load(valid("    format: " + format + "\n"));

        assertEquals(format, config.sources().get(0).format().yamlName());
    }

    @Test
    void badDurationsSayWhatIsExpected() {
        String expected = " (expected a whole number followed by ms, s, m or h, e.g. 10s)";
        assertProblems("""
                state_dir: ./state
                sources:
                  - {name: a, type: local, path: ../samples/aws, poll_interval: 10}
                  - {name: b, type: local, path: ../samples/aws, poll_interval: 10 sec}
                  - {name: c, type: local, path: ../samples/aws, poll_interval: 0s}
                  - {name: d, type: local, path: ../samples/aws, poll_interval: 1.5s}
                """,
                at(3, 65, "sources[0].poll_interval: invalid duration \"10\"" + expected),
                at(4, 65, "sources[1].poll_interval: invalid duration \"10 sec\"" + expected),
                at(5, 65, "sources[2].poll_interval: must be greater than zero"),
                at(6, 65, "sources[3].poll_interval: invalid duration \"1.5s\"" + expected));
    }

    @Test
    void badListenAddressesSayWhatIsWrong() {
        assertProblems(valid("grpc:\n  listen: localhost\nmetrics:\n  listen: \"::1:9464\"\n"),
                at(8, 11, "grpc.listen: invalid address \"localhost\": expected host:port, e.g. 127.0.0.1:50051"),
                at(10, 11, "metrics.listen: invalid address \"::1:9464\": an IPv6 address needs brackets, e.g. [::1]:50051"));
        assertProblems(valid("grpc:\n  listen: 127.0.0.1:65536\nmetrics:\n  listen: 300.1.1.1:80\n"),
                at(8, 11, "grpc.listen: invalid address \"127.0.0.1:65536\": port \"65536\" is not a number from 0 to 65535"),
                at(10, 11, "metrics.listen: invalid address \"300.1.1.1:80\": \"300.1.1.1\" is not a host name or an IPv4 address"));
    }

    @Test
    void grpcAndMetricsCannotShareAnAddress() {
        assertProblems(valid("grpc: {listen: 127.0.0.1:9464}\n"),
                at(7, 16, "grpc.listen: same address as metrics.listen (127.0.0.1:9464, the default)"));
        assertProblems(valid("grpc: {listen: 0.0.0.0:80}\nmetrics: {listen: 0.0.0.0:80}\n"),
                at(8, 19, "metrics.listen: same address as grpc.listen (0.0.0.0:80)"));
    }

    @Test
    void sourceNamesMustBeUniqueAndPlain() {
        assertProblems("""
                state_dir: ./state
                sources:
                  - {name: aws, type: local, path: ../samples/aws}
                  - {name: aws, type: local, path: ../samples/aws}
                  - {name: "aws samples", type: local, path: ../samples/aws}
                """,
                at(4, 12, "sources[1].name: duplicate source name \"aws\" (also used by sources[0] at line 3)"),
                at(5, 12, "sources[2].name: invalid name \"aws samples\" (use only letters, digits, '.', '_' and '-')"));
    }

    @Test
    void aLocalPathThatDoesNotExistIsAProblem() {
        assertProblems("""
                state_dir: ./state
                sources:
                  - name: aws
                    type: local
                    path: ../samples/gcp
                """,
                at(5, 11, "sources[0].path: " + root.resolve("samples/gcp") + " does not exist"));
    }

    @Test
    void aStateDirThatIsAFileOrCannotBeCreatedIsAProblem() throws IOException {
        Files.writeString(root.resolve("etc/occupied"), "");
        assertProblems("""
                state_dir: occupied
                dead_letter_dir: occupied/dead
                sources:
                  - {name: aws, type: local, path: ../samples/aws}
                """,
                at(1, 12, "state_dir: " + root.resolve("etc/occupied") + " exists but is not a directory"),
                at(2, 18, "dead_letter_dir: " + root.resolve("etc/occupied/dead")
                        + " does not exist and cannot be created: " + root.resolve("etc/occupied") + " is not a directory"));
    }

    @Test
    void aDefaultDeadLetterDirThatIsAFileIsAProblemAtStateDir() throws IOException {
        Files.createDirectories(root.resolve("etc/state"));
        Files.writeString(root.resolve("etc/state/dead-letter"), "");
        assertProblems(valid(""),
                at(1, 12, "dead_letter_dir: " + root.resolve("etc/state/dead-letter")
                        + " exists but is not a directory (the default, inside state_dir)"));
    }

    @Test
    void badGlobsAndLogFormatsSayWhatIsWrong() {
        assertProblems("""
                state_dir: ./state
                sources:
                  - {name: a, type: local, path: ../samples/aws, include: "**/*.{log,gz"}
                  - {name: b, type: local, path: ../samples/aws, include: /var/log/*.gz}
                  - {name: c, type: local, path: ../samples/aws, log_format: "version Account_ID"}
                  - {name: d, type: local, path: ../samples/aws, log_format: "srcaddr dstaddr srcaddr"}
                  - {name: e, type: local, path: ../samples/aws, include: }
                """,
                at(3, 59, "sources[0].include: invalid glob \"**/*.{log,gz\": Missing '}"),
                at(4, 59, "sources[1].include: glob \"/var/log/*.gz\" must be relative to the source's path"),
                at(5, 62, "sources[2].log_format: \"Account_ID\" is not an AWS field name"
                        + " (expected space-separated names such as: version account-id interface-id srcaddr)"),
                at(6, 62, "sources[3].log_format: field srcaddr is listed twice"),
                at(7, 58, "sources[4].include: no value given (expected a glob)"));
    }

    @Test
    void mergeKeysAreRejectedWithAReason() {
        assertProblems(valid("    <<: {format: auto}\n"),
                at(7, 5, "sources[0]: merge keys (<<) are not supported; write the keys out"));
    }

    @Test
    void yamlSyntaxErrorsGiveTheirPosition() {
        assertProblems("""
                state_dir: ./state
                sources:
                  - name: aws
                    type: local
                   path: ../samples/aws
                """,
                at(5, 4, "YAML syntax error: expected <block end>, but found '<block mapping start>'"
                        + " (while parsing a block collection started at line 3, column 3)"));
    }

    @Test
    void aSecondYamlDocumentIsAProblem() {
        assertProblems(valid("---\nstate_dir: other\n"),
                at(8, 1, "a second YAML document starts here; the config file holds exactly one"));
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertProblems("# nothing configured yet\n\n",
                at(1, 1, "the config file is empty (expected at least state_dir and sources)"));
    }

    @Test
    void aMissingFileIsAProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(root.resolve("none.yaml")));

        assertEquals(List.of(root.resolve("none.yaml") + ":1:1: the config file does not exist"),
                e.problems().stream().map(ConfigProblem::format).toList());
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        assertProblems("""
                state_dir: ./state
                sources:
                  - name: aws
                    type: local
                    path: ../samples/missing
                    format: aws_vpc
                    poll_interval: soon
                  - name: aws
                    type: s3
                    bucket: logs
                grpc:
                  listen: 127.0.0.1
                """,
                at(5, 11, "sources[0].path: " + root.resolve("samples/missing") + " does not exist"),
                at(6, 13, "sources[0].format: unknown value \"aws_vpc\" (expected one of: " + FORMATS + ")"),
                at(7, 20, "sources[0].poll_interval: invalid duration \"soon\""
                        + " (expected a whole number followed by ms, s, m or h, e.g. 10s)"),
                at(8, 11, "sources[1].name: duplicate source name \"aws\" (also used by sources[0] at line 3)"),
                at(9, 11, "sources[1].type: source type s3 is not available in this version yet"),
                at(10, 5, "sources[1].bucket: unknown key (known keys: " + SOURCE_KEYS + ")"),
                at(12, 11, "grpc.listen: invalid address \"127.0.0.1\": expected host:port, e.g. 127.0.0.1:50051"));
    }

    @Test
    void problemsNameTheFileAsItWasGiven() throws IOException {
        Files.writeString(file, "state_dir: ./state\n");
        Path asGiven = Path.of("").toAbsolutePath().relativize(file);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(asGiven));

        assertEquals(asGiven + ":1:1: sources: required key is missing", e.getMessage());
    }

    /** A valid file whose first source ends at line 6; {@code more} is appended from line 7. */
    private static String valid(String more) {
        return """
                state_dir: ./state
                sources:
                  - name: aws
                    type: local
                    path: ../samples/aws
                    include: "*.log"
                """ + more;
    }

    private FlowhoundConfig load(String yaml) throws IOException, ConfigException {
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    private String at(int line, int column, String message) {
        return file + ":" + line + ":" + column + ": " + message;
    }

    private void assertProblems(String yaml, String... expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        assertEquals(List.of(expected), e.problems().stream().map(ConfigProblem::format).toList());
    }
}
