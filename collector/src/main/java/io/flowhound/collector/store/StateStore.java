package io.flowhound.collector.store;

import io.flowhound.adapters.ResumePoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store under {@code state_dir}: one SQLite file in WAL mode. Checkpoints of objects
 * and the committed length of durable outputs are written together in one transaction, so
 * after a crash the store describes one consistent moment.
 *
 * <p>SQLite was chosen over a hand-written file format for its crash-safe transactions, and
 * over a key-value store because findings (a later issue) need indexed queries. Not
 * thread-safe: the pipeline commits from one thread.
 */
public final class StateStore implements AutoCloseable {

    public static final String FILE_NAME = "flowhound.db";

    private final Connection connection;

    private StateStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating when needed) the store in {@code stateDir} and brings its schema up to date. */
    public static StateStore open(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(FILE_NAME));
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                // FULL: a committed checkpoint survives power loss too, not only a killed process.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            SchemaMigrations.apply(connection);
            connection.setAutoCommit(false);
            return new StateStore(connection);
        } catch (SQLException e) {
            throw new IOException("cannot open state store in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    public Optional<ObjectCheckpoint> checkpoint(String source, String key) throws IOException {
        String sql = "SELECT stored_size, version, resume_offset, resume_records, resume_state, pending_tail, failure"
                + " FROM object_checkpoint WHERE source = ? AND object_key = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, source);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ResumePoint resume = new ResumePoint(row.getLong(3), row.getLong(4), row.getString(5));
                return Optional.of(new ObjectCheckpoint(source, key, row.getLong(1), row.getString(2), resume,
                        row.getBoolean(6), row.getString(7)));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read checkpoint of " + source + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** The committed length of a durable output file, if one was recorded. */
    public Optional<Long> outputLength(String output) throws IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT length FROM output_position WHERE output = ?")) {
            query.setString(1, output);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("cannot read output position of " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commits checkpoints and output lengths in one transaction: either all of them are
     * durable afterwards or none is.
     */
    public void commit(Collection<ObjectCheckpoint> checkpoints, Map<String, Long> outputLengths) throws IOException {
        String upsertCheckpoint = "INSERT INTO object_checkpoint"
                + " (source, object_key, stored_size, version, resume_offset, resume_records, resume_state, pending_tail, failure)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (source, object_key) DO UPDATE SET stored_size = excluded.stored_size,"
                + " version = excluded.version, resume_offset = excluded.resume_offset,"
                + " resume_records = excluded.resume_records, resume_state = excluded.resume_state,"
                + " pending_tail = excluded.pending_tail, failure = excluded.failure";
        String upsertOutput = "INSERT INTO output_position (output, length) VALUES (?, ?)"
                + " ON CONFLICT (output) DO UPDATE SET length = excluded.length";
        try (PreparedStatement checkpointRows = connection.prepareStatement(upsertCheckpoint);
             PreparedStatement outputRows = connection.prepareStatement(upsertOutput)) {
            for (ObjectCheckpoint checkpoint : checkpoints) {
                checkpointRows.setString(1, checkpoint.source());
                checkpointRows.setString(2, checkpoint.key());
                checkpointRows.setLong(3, checkpoint.storedSize());
                checkpointRows.setString(4, checkpoint.version());
                checkpointRows.setLong(5, checkpoint.resume().offset());
                checkpointRows.setLong(6, checkpoint.resume().records());
                checkpointRows.setString(7, checkpoint.resume().state());
                checkpointRows.setBoolean(8, checkpoint.pendingTail());
                checkpointRows.setString(9, checkpoint.failure());
                checkpointRows.addBatch();
            }
            for (Map.Entry<String, Long> output : outputLengths.entrySet()) {
                outputRows.setString(1, output.getKey());
                outputRows.setLong(2, output.getValue());
                outputRows.addBatch();
            }
            checkpointRows.executeBatch();
            outputRows.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new IOException("cannot commit checkpoint: " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException("cannot close state store: " + e.getMessage(), e);
        }
    }
}
