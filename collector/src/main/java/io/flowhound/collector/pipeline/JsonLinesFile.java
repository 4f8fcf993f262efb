package io.flowhound.collector.pipeline;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A durable output: protobuf messages appended one per line in the proto3 JSON mapping.
 *
 * <p>Exactly once across crashes: the file's length is committed in the same transaction as the
 * source checkpoints, and on open anything written after the last commit is cut off, because
 * the flows it holds will be read again from the checkpoint.
 */
public final class JsonLinesFile implements Closeable {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final Path path;
    private final FileChannel channel;
    private final Writer writer;

    private JsonLinesFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Opens {@code path} for appending.
     *
     * @param committedLength the length recorded with the last checkpoint, if any; a longer file
     *                        is truncated to it
     */
    public static JsonLinesFile open(Path path, Optional<Long> committedLength) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (committedLength.isPresent() && channel.size() > committedLength.get()) {
            channel.truncate(committedLength.get());
        }
        channel.position(channel.size());
        return new JsonLinesFile(path, channel);
    }

    /** The key this output's committed length is stored under. */
    public String id() {
        return path.toAbsolutePath().normalize().toString();
    }

    public void append(List<? extends MessageOrBuilder> messages) throws IOException {
        for (MessageOrBuilder message : messages) {
            append(message);
        }
    }

    public void append(MessageOrBuilder message) throws IOException {
        try {
            PRINTER.appendTo(message, writer);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("cannot write " + message.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
        writer.write('\n');
    }

    /** Makes everything appended so far durable and returns the file's length to commit. */
    public long sync() throws IOException {
        writer.flush();
        channel.force(false);
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
