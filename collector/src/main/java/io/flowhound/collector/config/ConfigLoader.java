package io.flowhound.collector.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the one YAML config file into a {@link FlowhoundConfig}. {@code check-config} runs
 * {@link #load} and then {@link #checkRuntime}; {@code serve} and {@code replay} do the same
 * before they start.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Parses, binds and validates the file: unknown keys, wrong types, missing required keys, bad
     * values and paths that cannot serve their purpose. Nothing is created on disk.
     *
     * @param file the config file; problems name it as given here
     * @throws ConfigException with every problem found, each at its line and column; problems
     *                         about the file as a whole (unreadable, empty) are at 1:1
     */
    public static FlowhoundConfig load(Path file) throws ConfigException {
        return new ConfigBinder(file).bind(compose(file, read(file)));
    }

    /**
     * The checks that depend on the machine at this moment rather than on the file: each listen
     * address can be bound (the port is free, the address is local). The sockets are closed again.
     *
     * @return the problems, each at the value in the file; empty when the config can run here
     */
    public static List<ConfigProblem> checkRuntime(FlowhoundConfig config) {
        return ListenAddressCheck.problems(config);
    }

    private static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw wholeFile(file, "the config file does not exist");
        } catch (AccessDeniedException e) {
            throw wholeFile(file, "the config file is not readable (permission denied)");
        } catch (MalformedInputException e) {
            throw wholeFile(file, "the config file is not UTF-8 text");
        } catch (IOException e) {
            throw wholeFile(file, "cannot read the config file: " + e.getMessage());
        }
    }

    /** The single document of the file. Documents are composed one by one so that a second one is reported where it starts. */
    private static Node compose(Path file, String text) throws ConfigException {
        Node root = null;
        try {
            Iterator<Node> documents = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .composeAll(new StringReader(text)).iterator();
            if (documents.hasNext()) {
                root = documents.next();
            }
            while (documents.hasNext()) {
                Node next = documents.next();
                if (!isEmpty(next)) {
                    Mark at = next.getStartMark();
                    throw new ConfigException(List.of(new ConfigProblem(file, at.getLine() + 1, at.getColumn() + 1,
                            "a second YAML document starts here; the config file holds exactly one")));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null || e.getContextMark() == null ? ""
                    : " (" + e.getContext() + " started at line " + (e.getContextMark().getLine() + 1)
                            + ", column " + (e.getContextMark().getColumn() + 1) + ")";
            String message = "YAML syntax error: " + e.getProblem() + context;
            throw at == null ? wholeFile(file, message) : new ConfigException(
                    List.of(new ConfigProblem(file, at.getLine() + 1, at.getColumn() + 1, message)));
        } catch (YAMLException e) {
            throw wholeFile(file, "YAML error: " + e.getMessage());
        }
        if (root == null || isEmpty(root)) {
            throw wholeFile(file, "the config file is empty (expected at least state_dir and sources)");
        }
        return root;
    }

    /** A document with nothing in it, such as what a lone {@code ---} line starts. */
    private static boolean isEmpty(Node document) {
        return document instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()) && scalar.getValue().isEmpty();
    }

    private static ConfigException wholeFile(Path file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, 1, 1, message)));
    }
}
