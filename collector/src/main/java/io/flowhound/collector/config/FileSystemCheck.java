package io.flowhound.collector.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that configured paths can serve their purpose, without changing anything on disk:
 * check-config must not create directories. Each method returns what is wrong, or empty.
 */
final class FileSystemCheck {

    private FileSystemCheck() {
    }

    /** An input of a local source: an existing readable directory or regular file. */
    static Optional<String> readableInput(Path path) {
        if (!Files.exists(path)) {
            return Optional.of(path + " does not exist");
        }
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            return Optional.of(path + " is neither a directory nor a regular file");
        }
        if (!Files.isReadable(path)) {
            return Optional.of(path + " is not readable");
        }
        return Optional.empty();
    }

    /**
     * A directory the collector writes to: either it exists and is writable, or its nearest
     * existing ancestor is a writable directory so that it can be created at start.
     */
    static Optional<String> writableDirectory(Path path) {
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                return Optional.of(path + " exists but is not a directory");
            }
            if (!Files.isWritable(path)) {
                return Optional.of(path + " is not writable");
            }
            return Optional.empty();
        }
        Path ancestor = path.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return Optional.of(path + " does not exist and cannot be created: no part of it exists");
        }
        if (!Files.isDirectory(ancestor)) {
            return Optional.of(path + " does not exist and cannot be created: " + ancestor + " is not a directory");
        }
        if (!Files.isWritable(ancestor)) {
            return Optional.of(path + " does not exist and cannot be created: " + ancestor + " is not writable");
        }
        return Optional.empty();
    }
}
