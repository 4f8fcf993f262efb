package io.flowhound.collector.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, at the place a user has to edit.
 *
 * @param file    the config file as it was given (on the command line), not resolved
 * @param line    1-based line
 * @param column  1-based column
 * @param message names the key path first, then what is wrong and what is expected, e.g.
 *                {@code sources[1].format: unknown value "aws_vpc" (expected one of: ...)}
 */
public record ConfigProblem(Path file, int line, int column, String message) {

    /** {@code FILE:LINE:COLUMN: message}, the form compilers use, so editors can jump to it. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
