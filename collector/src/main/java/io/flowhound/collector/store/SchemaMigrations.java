package io.flowhound.collector.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema of the state store. Each migration runs once, in order, in its own
 * transaction; the store's {@code user_version} records how many have run. Add a migration by
 * appending to {@link #MIGRATIONS}, never by editing one that has shipped.
 */
final class SchemaMigrations {

    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE object_checkpoint (
              source TEXT NOT NULL,
              object_key TEXT NOT NULL,
              stored_size INTEGER NOT NULL,
              version TEXT NOT NULL,
              resume_offset INTEGER NOT NULL,
              resume_records INTEGER NOT NULL,
              resume_state TEXT NOT NULL,
              pending_tail INTEGER NOT NULL,
              failure TEXT NOT NULL,
              PRIMARY KEY (source, object_key)
            );
            CREATE TABLE output_position (
              output TEXT PRIMARY KEY,
              length INTEGER NOT NULL
            );
            """);

    private SchemaMigrations() {
    }

    static void apply(Connection connection) throws SQLException {
        int applied = currentVersion(connection);
        if (applied > MIGRATIONS.size()) {
            throw new SQLException("state store schema version " + applied
                    + " is newer than this Flowhound knows (" + MIGRATIONS.size() + "); use a newer release");
        }
        for (int version = applied; version < MIGRATIONS.size(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(version).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + (version + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
