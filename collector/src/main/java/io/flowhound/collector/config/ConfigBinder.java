package io.flowhound.collector.config;

import io.flowhound.collector.config.ConfigPositions.Position;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML node tree to a {@link FlowhoundConfig}, collecting every problem instead
 * of stopping at the first.
 *
 * <p>Why SnakeYAML's node tree rather than Jackson data binding: Jackson stops at the first
 * mismatch and has a location only for the token it failed on, while a missing required key, a
 * duplicate source name or a path that does not exist has no such token. Every node keeps the
 * start mark of its key and value, so each problem points where the user has to edit, and all of
 * them are reported in one run.
 */
final class ConfigBinder {

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** AWS field names are lower case words joined by hyphens: {@code pkt-srcaddr}, {@code ecs-task-arn}. */
    private static final Pattern AWS_FIELD_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path file;
    private final Path baseDir;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, Position> positions = new HashMap<>();

    /** @param file the config file as given; relative paths in it resolve against its directory */
    ConfigBinder(Path file) {
        this.file = file;
        this.baseDir = file.toAbsolutePath().normalize().getParent();
    }

    FlowhoundConfig bind(Node root) throws ConfigException {
        remember("", root);
        if (!(root instanceof MappingNode rootMapping)) {
            problem(root, "", "expected a mapping with state_dir and sources at the top level, got " + describe(root));
            throw failure();
        }
        Keys top = new Keys(rootMapping, "", FlowhoundConfig.KEYS);

        Node stateDirNode = top.required("state_dir");
        int before = problems.size();
        Path stateDir = stateDirNode == null ? null : writableDirectory(stateDirNode, "state_dir");
        boolean stateDirUsable = stateDir != null && problems.size() == before;

        Node deadLetterNode = top.optional("dead_letter_dir");
        Path deadLetterDir = null;
        if (deadLetterNode != null) {
            deadLetterDir = writableDirectory(deadLetterNode, "dead_letter_dir");
        } else if (stateDirUsable) {
            deadLetterDir = stateDir.resolve(FlowhoundConfig.DEFAULT_DEAD_LETTER_SUBDIR);
            Optional<String> wrong = FileSystemCheck.writableDirectory(deadLetterDir);
            if (wrong.isPresent()) {
                problem(stateDirNode, "dead_letter_dir", wrong.get() + " (the default, inside state_dir)");
            }
        }

        List<SourceConfig> sources = sources(top.required("sources"));
        ListenAddress grpc = listen(top.optional("grpc"), "grpc", GrpcConfig.KEYS, GrpcConfig.DEFAULT_LISTEN);
        ListenAddress metrics = listen(top.optional("metrics"), "metrics", MetricsConfig.KEYS, MetricsConfig.DEFAULT_LISTEN);
        ConfigPositions located = new ConfigPositions(file, positions);
        if (grpc.equals(metrics) && grpc.port() != 0) {
            problems.add(positions.containsKey("metrics.listen")
                    ? located.problem("metrics.listen", "same address as grpc.listen (" + grpc + ")")
                    : located.problem("grpc.listen", "same address as metrics.listen (" + metrics + ", the default)"));
        }

        if (!problems.isEmpty()) {
            throw failure();
        }
        return new FlowhoundConfig(
                stateDir, deadLetterDir, sources, new GrpcConfig(grpc), new MetricsConfig(metrics), located);
    }

    private List<SourceConfig> sources(Node node) {
        List<SourceConfig> sources = new ArrayList<>();
        if (node == null) {
            return sources;
        }
        if (!(node instanceof SequenceNode list)) {
            problem(node, "sources", "expected a list of sources, got " + describe(node));
            return sources;
        }
        if (list.getValue().isEmpty()) {
            problem(node, "sources", "at least one source is required");
        }
        Map<String, String> firstUse = new HashMap<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            String path = "sources[" + i + "]";
            Node item = list.getValue().get(i);
            remember(path, item);
            if (!(item instanceof MappingNode mapping)) {
                problem(item, path, "expected a mapping with name, type and path, got " + describe(item));
                continue;
            }
            SourceConfig source = source(new Keys(mapping, path, SourceConfig.KEYS), firstUse);
            if (source != null) {
                sources.add(source);
            }
        }
        return sources;
    }

    /** One source, or null when it has a problem (reported). */
    private SourceConfig source(Keys keys, Map<String, String> firstUse) {
        int before = problems.size();
        String at = keys.path;

        Node nameNode = keys.required("name");
        String name = nameNode == null ? null : text(nameNode, at + ".name", "a name");
        if (name != null && !SOURCE_NAME.matcher(name).matches()) {
            problem(nameNode, at + ".name",
                    "invalid name \"" + name + "\" (use only letters, digits, '.', '_' and '-')");
        } else if (name != null) {
            String first = firstUse.putIfAbsent(name, at + " at line " + line(nameNode));
            if (first != null) {
                problem(nameNode, at + ".name", "duplicate source name \"" + name + "\" (also used by " + first + ")");
            }
        }

        Node typeNode = keys.required("type");
        SourceType type = typeNode == null ? null : oneOf(typeNode, at + ".type", SourceType.class);
        if (type != null && !AvailableInThisVersion.SOURCE_TYPES.contains(type)) {
            problem(typeNode, at + ".type",
                    "source type " + type.yamlName() + " is not available in this version yet");
        }

        Path path = null;
        Node pathNode = type == SourceType.LOCAL ? keys.required("path") : keys.optional("path");
        if (pathNode != null) {
            path = resolvedPath(pathNode, at + ".path");
            if (path != null && type == SourceType.LOCAL) {
                FileSystemCheck.readableInput(path).ifPresent(wrong -> problem(pathNode, at + ".path", wrong));
            }
        }

        SourceFormat format = SourceFormat.AUTO;
        Node formatNode = keys.optional("format");
        if (formatNode != null) {
            format = oneOf(formatNode, at + ".format", SourceFormat.class);
            if (format != null && !AvailableInThisVersion.hasFormat(format)) {
                problem(formatNode, at + ".format", "format " + format.yamlName() + " is not available in this version yet");
            }
        }

        Optional<String> include = Optional.empty();
        Node includeNode = keys.optional("include");
        if (includeNode != null) {
            include = Optional.ofNullable(glob(includeNode, at + ".include"));
        }

        List<String> logFormat = List.of();
        Node logFormatNode = keys.optional("log_format");
        if (logFormatNode != null) {
            logFormat = awsFields(logFormatNode, at + ".log_format");
        }

        Duration pollInterval = SourceConfig.DEFAULT_POLL_INTERVAL;
        Node pollNode = keys.optional("poll_interval");
        if (pollNode != null) {
            pollInterval = positiveDuration(pollNode, at + ".poll_interval");
        }

        if (problems.size() > before) {
            return null;
        }
        return new SourceConfig(name, type, path, format, include, logFormat, pollInterval);
    }

    /** The {@code listen} address of a {@code grpc} or {@code metrics} section; the default when absent or wrong. */
    private ListenAddress listen(Node node, String section, List<String> known, ListenAddress defaultListen) {
        if (node == null) {
            return defaultListen;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, section, "expected a mapping with listen, got " + describe(node));
            return defaultListen;
        }
        Node listenNode = new Keys(mapping, section, known).optional("listen");
        String path = section + ".listen";
        String text = listenNode == null ? null : text(listenNode, path, "host:port");
        if (text == null) {
            return defaultListen;
        }
        try {
            return ListenAddress.parse(text);
        } catch (IllegalArgumentException e) {
            problem(listenNode, path, "invalid address \"" + text + "\": " + e.getMessage());
            return defaultListen;
        }
    }

    private Path writableDirectory(Node node, String path) {
        Path dir = resolvedPath(node, path);
        if (dir != null) {
            FileSystemCheck.writableDirectory(dir).ifPresent(wrong -> problem(node, path, wrong));
        }
        return dir;
    }

    /** The path resolved against the config file's directory, absolute and normalized. */
    private Path resolvedPath(Node node, String path) {
        String text = text(node, path, "a path");
        if (text == null) {
            return null;
        }
        try {
            return baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problem(node, path, "invalid path \"" + text + "\": " + e.getReason());
            return null;
        }
    }

    private String glob(Node node, String path) {
        String text = text(node, path, "a glob");
        if (text == null) {
            return null;
        }
        if (text.startsWith("/")) {
            problem(node, path, "glob \"" + text + "\" must be relative to the source's path");
            return null;
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + text);
            return text;
        } catch (PatternSyntaxException e) {
            problem(node, path, "invalid glob \"" + text + "\": " + e.getDescription());
            return null;
        }
    }

    private List<String> awsFields(Node node, String path) {
        String text = text(node, path, "space-separated AWS field names");
        if (text == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            String field = token.startsWith("${") && token.endsWith("}") ? token.substring(2, token.length() - 1) : token;
            if (!AWS_FIELD_NAME.matcher(field).matches()) {
                problem(node, path, "\"" + token + "\" is not an AWS field name"
                        + " (expected space-separated names such as: version account-id interface-id srcaddr)");
                return List.of();
            }
            if (fields.contains(field)) {
                problem(node, path, "field " + field + " is listed twice");
                return List.of();
            }
            fields.add(field);
        }
        return fields;
    }

    private Duration positiveDuration(Node node, String path) {
        String text = text(node, path, "a duration such as 10s");
        if (text == null) {
            return null;
        }
        try {
            Duration duration = ConfigDuration.parse(text);
            if (duration.isZero()) {
                problem(node, path, "must be greater than zero");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            problem(node, path, e.getMessage());
            return null;
        }
    }

    private <E extends Enum<E> & YamlNamed> E oneOf(Node node, String path, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(YamlNamed::yamlName).collect(Collectors.joining(", "));
        String text = text(node, path, "one of: " + allowed);
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.yamlName().equals(text)) {
                return value;
            }
        }
        problem(node, path, "unknown value \"" + text + "\" (expected one of: " + allowed + ")");
        return null;
    }

    /** The text of a single non-empty value, or null when the node is anything else (reported). */
    private String text(Node node, String path, String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        if (Tag.NULL.equals(scalar.getTag())) {
            problem(node, path, "no value given (expected " + expected + ")");
            return null;
        }
        if (scalar.getValue().isBlank()) {
            problem(node, path, "empty value (expected " + expected + ")");
            return null;
        }
        return scalar.getValue();
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (Tag.NULL.equals(node.getTag())) {
            return "no value";
        }
        String value = ((ScalarNode) node).getValue();
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }

    private void remember(String path, Node node) {
        positions.put(path, new Position(line(node), node.getStartMark().getColumn() + 1));
    }

    private void problem(Node node, String path, String message) {
        problems.add(new ConfigProblem(file, line(node), node.getStartMark().getColumn() + 1,
                path.isEmpty() ? message : path + ": " + message));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private ConfigException failure() {
        problems.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return new ConfigException(problems);
    }

    /**
     * The keys of one mapping: rejects unknown and repeated keys when built, remembers the
     * position of each value, and reports a required key that is missing at the mapping itself.
     */
    private final class Keys {

        private final MappingNode mapping;
        private final String path;
        private final Map<String, Node> values = new LinkedHashMap<>();

        Keys(MappingNode mapping, String path, List<String> known) {
            this.mapping = mapping;
            this.path = path;
            Map<String, Node> keyNodes = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                Node keyNode = entry.getKeyNode();
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    problem(keyNode, path, "merge keys (<<) are not supported; write the keys out");
                    continue;
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problem(keyNode, path, "expected a plain key name, got " + describe(keyNode));
                    continue;
                }
                String key = scalarKey.getValue();
                String keyPath = child(key);
                if (!known.contains(key)) {
                    problem(keyNode, keyPath, "unknown key (known keys: " + String.join(", ", known) + ")");
                } else if (keyNodes.containsKey(key)) {
                    problem(keyNode, keyPath, "duplicate key (first given at line " + line(keyNodes.get(key)) + ")");
                } else {
                    keyNodes.put(key, keyNode);
                    values.put(key, entry.getValueNode());
                    remember(keyPath, entry.getValueNode());
                }
            }
        }

        Node optional(String key) {
            return values.get(key);
        }

        Node required(String key) {
            Node value = values.get(key);
            if (value == null) {
                problem(mapping, child(key), "required key is missing");
            }
            return value;
        }

        private String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
