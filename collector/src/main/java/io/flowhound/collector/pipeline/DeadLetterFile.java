package io.flowhound.collector.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowhound.adapters.ParseError;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records that could not be parsed, one JSON object per line:
 * {@code {"source":…,"object":…,"line":…,"reason":…,"raw":…}}, so an operator can see, fix and
 * replay them. Appended; never truncated by Flowhound.
 */
public final class DeadLetterFile implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final Writer writer;

    private DeadLetterFile(String source, Writer writer) {
        this.source = source;
        this.writer = writer;
    }

    /** Opens {@code <dir>/<source>.jsonl} for appending. */
    public static DeadLetterFile open(Path dir, String source) throws IOException {
        Files.createDirectories(dir);
        Writer writer = new BufferedWriter(Files.newBufferedWriter(dir.resolve(source + ".jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        return new DeadLetterFile(source, writer);
    }

    public void write(ParseError error) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("source", source);
        entry.put("object", error.objectKey());
        entry.put("line", error.line());
        entry.put("reason", error.reason());
        entry.put("raw", error.raw());
        writer.write(JSON.writeValueAsString(entry));
        writer.write('\n');
    }

    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
