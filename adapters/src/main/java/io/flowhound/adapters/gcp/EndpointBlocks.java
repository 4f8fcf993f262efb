package io.flowhound.adapters.gcp;

import com.fasterxml.jackson.core.JsonParser;
import io.flowhound.proto.EndpointDetails;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The endpoint blocks of one VPC flow record ({@code src_instance}, {@code dest_vpc},
 * {@code src_gke_details}, ...), noted as byte ranges of the line instead of being decoded when
 * met, and turned into one shared {@link EndpointDetails} per side at the end of the record.
 *
 * <p>Why: the same VMs, VPCs, locations and pods appear in record after record, and building an
 * EndpointDetails (some 20 string fields, each a volatile write) and decoding its strings was the
 * largest cost of a record. Identical block bytes give identical details, so the details are
 * cached keyed by the side's block bytes; a hit costs a hash and a compare of those bytes.
 * On a miss the blocks are read again, in record order, by {@link EndpointDetailsReader}, exactly
 * as they would have been when met.
 *
 * <p>Errors stay the ones the eager reading gave: a block with a value of the wrong type fails
 * in {@link #details}, which the decoder calls before anything after the payload is checked, and
 * when something later in the line fails first, {@link #firstError} reads the noted blocks again
 * to find an error that comes before it.
 */
final class EndpointBlocks {

    enum Kind { INSTANCE, VPC, LOCATION, GKE, GOOGLE_SERVICE }

    static final int SRC = 0;
    static final int DST = 1;

    /** 1024 slots of at most 2 KiB keys: at most 2 MiB held. Real blocks are 100 to 400 bytes. */
    private static final int SLOTS = 1024;
    private static final int MAX_KEY_BYTES = 2048;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final RawLine line;
    private final EndpointDetailsReader reader;

    // The blocks of the current record in record order; grown on demand (duplicate keys), reset per record.
    private int count;
    private int[] froms = new int[16];
    private int[] tos = new int[16];
    private byte[] sides = new byte[16];
    private Kind[] kinds = new Kind[16];
    private String[] paths = new String[16];

    private final byte[][] keys = new byte[SLOTS][];
    private final EndpointDetails[] cached = new EndpointDetails[SLOTS];

    EndpointBlocks(RawLine line, EndpointDetailsReader reader) {
        this.line = line;
        this.reader = reader;
    }

    void begin() {
        count = 0;
    }

    /**
     * Notes the block at the parser's {@code START_OBJECT} and skips it, leaving the parser on its
     * {@code END_OBJECT}.
     */
    void add(JsonParser json, int side, Kind kind, String path) throws IOException {
        if (count == froms.length) {
            grow();
        }
        froms[count] = line.tokenEnd(json) - 1;  // the '{'
        tos[count] = -1;  // until the skip succeeds: firstError may read a broken block again
        sides[count] = (byte) side;
        kinds[count] = kind;
        paths[count] = path;
        count++;
        JsonObjectSkipper.skip(json, line.buffer, froms[count - 1], line.end);
        tos[count - 1] = line.tokenEnd(json);
    }

    /** The details of one side, or null when the record has no block for it. */
    EndpointDetails details(int side) throws IOException, BadRecordException {
        int keyLength = 0;
        long hash = side;  // never 0 blocks here: checked below
        boolean any = false;
        for (int i = 0; i < count; i++) {
            if (sides[i] == side) {
                any = true;
                keyLength += 1 + tos[i] - froms[i];
                hash = hash(hash * 31 + kinds[i].ordinal(), line.buffer, froms[i], tos[i]);
            }
        }
        if (!any) {
            return null;
        }
        if (keyLength > MAX_KEY_BYTES) {
            return read(side);
        }
        int slot = (int) (hash ^ (hash >>> 32)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == keyLength && matches(key, side)) {
            return cached[slot];
        }
        EndpointDetails details = read(side);
        keys[slot] = key(side, keyLength);
        cached[slot] = details;
        return details;
    }

    /**
     * The error the eager reading would have met in a noted block, in record order, or null:
     * called when something later in the line failed, which must not hide an earlier error.
     */
    BadRecordException firstError() {
        EndpointDetails.Builder scratch = EndpointDetails.newBuilder();
        for (int i = 0; i < count; i++) {
            try (JsonParser json = line.parserFrom(froms[i])) {
                readBlock(json, i, scratch);
            } catch (BadRecordException e) {
                return e;
            } catch (IOException e) {
                return null;  // the JSON error itself is the first problem of the line
            }
        }
        return null;
    }

    private EndpointDetails read(int side) throws IOException, BadRecordException {
        EndpointDetails.Builder details = EndpointDetails.newBuilder();
        for (int i = 0; i < count; i++) {
            if (sides[i] == side) {
                try (JsonParser json = line.parserFrom(froms[i])) {
                    readBlock(json, i, details);
                }
            }
        }
        return details.build();
    }

    private void readBlock(JsonParser json, int block, EndpointDetails.Builder details) throws IOException, BadRecordException {
        switch (kinds[block]) {
            case INSTANCE -> reader.instance(json, paths[block], details);
            case VPC -> reader.vpc(json, paths[block], details);
            case LOCATION -> reader.location(json, paths[block], details);
            case GKE -> reader.gke(json, paths[block], details);
            case GOOGLE_SERVICE -> reader.googleService(json, paths[block], details);
        }
    }

    /** The key of a side: for each of its blocks in order, the kind, then the block's bytes. */
    private byte[] key(int side, int keyLength) {
        byte[] key = new byte[keyLength];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (sides[i] == side) {
                key[at++] = (byte) kinds[i].ordinal();
                System.arraycopy(line.buffer, froms[i], key, at, tos[i] - froms[i]);
                at += tos[i] - froms[i];
            }
        }
        return key;
    }

    private boolean matches(byte[] key, int side) {
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (sides[i] == side) {
                int length = tos[i] - froms[i];
                if (key[at++] != kinds[i].ordinal()
                        || !Arrays.equals(key, at, at + length, line.buffer, froms[i], tos[i])) {
                    return false;
                }
                at += length;
            }
        }
        return true;
    }

    /** Eight bytes at a time: a record's blocks are several hundred bytes, hashed on every record. */
    private static long hash(long hash, byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            hash = (hash ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < to; i++) {
            hash = (hash ^ bytes[i]) * 0x9E3779B97F4A7C15L;
        }
        return hash ^ (hash >>> 29);
    }

    private void grow() {
        int size = froms.length * 2;
        froms = Arrays.copyOf(froms, size);
        tos = Arrays.copyOf(tos, size);
        sides = Arrays.copyOf(sides, size);
        kinds = Arrays.copyOf(kinds, size);
        paths = Arrays.copyOf(paths, size);
    }
}
