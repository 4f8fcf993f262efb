package io.flowhound.adapters.local;

import io.flowhound.adapters.ObjectRef;
import io.flowhound.adapters.ObjectSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads flow log files from a directory tree on the local disk (or one single file). Keys are
 * paths relative to the root with forward slashes, so a tree copied from a bucket keeps the
 * bucket's key layout.
 */
public final class LocalFolderSource implements ObjectSource {

    private final String name;
    private final Path root;
    private final PathMatcher include;

    /**
     * @param include glob over the key (e.g. {@code **}{@code /*.log.gz}); null or empty for
     *                every regular file
     */
    public LocalFolderSource(String name, Path root, String include) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.include = include == null || include.isEmpty()
                ? path -> true
                : FileSystems.getDefault().getPathMatcher("glob:" + include);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ObjectRef> list() throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(refOf(root.getFileName().toString(), Files.readAttributes(root, BasicFileAttributes.class)));
        }
        List<ObjectRef> refs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile() || isHidden(file)) {
                    continue;
                }
                Path relative = root.relativize(file);
                if (include.matches(relative)) {
                    refs.add(refOf(keyOf(relative), attributes));
                }
            }
        }
        refs.sort(Comparator.comparing(ObjectRef::key));
        return refs;
    }

    @Override
    public InputStream open(ObjectRef object, long storedOffset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(pathOf(object));
        channel.position(storedOffset);
        return Channels.newInputStream(channel);
    }

    @Override
    public boolean objectsMayGrow() {
        return true;
    }

    private Path pathOf(ObjectRef object) {
        return Files.isRegularFile(root) ? root : root.resolve(object.key());
    }

    /** Editors' swap files and partial downloads start with a dot; they are not flow logs. */
    private static boolean isHidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    private static String keyOf(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static ObjectRef refOf(String key, BasicFileAttributes attributes) {
        return new ObjectRef(key, attributes.size(), attributes.lastModifiedTime().toMillis(), "");
    }
}
