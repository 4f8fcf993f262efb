package io.flowhound.collector.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a loaded config was written, so that checks made after loading (binding a
 * listen address, opening a bucket) can point at the line to edit.
 *
 * @param file   the config file as it was given
 * @param values key path ({@code state_dir}, {@code sources[0].path}, {@code grpc.listen}; the
 *               empty string for the whole document) to the position of its value
 */
public record ConfigPositions(Path file, Map<String, Position> values) {

    /**
     * A place in the config file.
     *
     * @param line   1-based line
     * @param column 1-based column
     */
    public record Position(int line, int column) {
    }

    private static final Position START = new Position(1, 1);

    public ConfigPositions {
        values = Map.copyOf(values);
    }

    /** The position of the value at {@code keyPath}, if the file spells that key out. */
    public Optional<Position> valueAt(String keyPath) {
        return Optional.ofNullable(values.get(keyPath));
    }

    /**
     * A problem with the value at {@code keyPath}. A value that took its default is not in the
     * file; the problem then points at the nearest enclosing value that is (for {@code grpc.listen}
     * the {@code grpc} mapping, else the start of the document).
     */
    public ConfigProblem problem(String keyPath, String message) {
        Position at = nearest(keyPath);
        return new ConfigProblem(file, at.line(), at.column(), keyPath + ": " + message);
    }

    private Position nearest(String keyPath) {
        String path = keyPath;
        while (!path.isEmpty()) {
            Position at = values.get(path);
            if (at != null) {
                return at;
            }
            path = path.endsWith("]") ? path.substring(0, path.lastIndexOf('[')) : parent(path);
        }
        return values.getOrDefault("", START);
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
