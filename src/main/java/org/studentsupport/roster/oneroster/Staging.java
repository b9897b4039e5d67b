package org.studentsupport.roster.oneroster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The JDBC side of the write pass: temporary staging tables filled by COPY from the bundle's
 * files, and the statements that apply them, each answering how many rows it touched.
 */
final class Staging {

    private static final CSVFormat COPY_FORMAT = CSVFormat.POSTGRESQL_CSV;

    private final Connection connection;
    private final RosterBundle bundle;
    private final RosterIndex index;
    private final Problems problems;
    private final LongConsumer rowsWritten;
    private long written;

    Staging(Connection connection, RosterBundle bundle, RosterIndex index, Problems problems, LongConsumer rowsWritten) {
        this.connection = connection;
        this.bundle = bundle;
        this.index = index;
        this.problems = problems;
        this.rowsWritten = rowsWritten;
    }

    /**
     * Adds a problem per stored row of another district that a staged row would take over (the query
     * names the sourcedIds; its one parameter is the district), and stops the pass when there is any.
     */
    void conflicts(String sql, UUID districtId, OneRosterFile file, String message) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql + " LIMIT 100")) {
            statement.setObject(1, districtId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    problems.add(new Problem(file.fileName(), null, "sourcedId", String.format(message, rs.getString(1))
                            + "; sourcedIds must be unique across districts"));
                }
            }
        }
        if (problems.any()) {
            throw new RosterWriter.ProblemsFound();
        }
    }

    void stage(String table, String columns) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + table + " (" + columns + ") ON COMMIT DROP");
        }
    }

    interface RowPrinter<T> {
        void print(T row, CSVPrinter out) throws IOException;
    }

    interface Producer {
        void produce(CSVPrinter out) throws IOException;
    }

    <T> void copy(OneRosterFile file, String table, String columns, Rows.Parser<T> parser, RowPrinter<T> printer) throws SQLException {
        copyRows(table, columns, out -> {
            Problems unexpected = new Problems(10);
            Rows.stream(bundle, file, index.mode(file), unexpected, parser, csvRow -> { }, row -> {
                try {
                    printer.print(row, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (unexpected.any()) {
                throw new IllegalStateException(file.fileName() + " changed between the two passes: " + unexpected.kept().get(0).message());
            }
        });
    }

    void copyRows(String table, String columns, Producer producer) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long before;
        try (PGCopyOutputStream stream = new PGCopyOutputStream(pg, "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", 1 << 16);
             CSVPrinter out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), COPY_FORMAT)) {
            producer.produce(out);
            out.flush();
            before = written;
        } catch (IOException e) {
            throw new SQLException("Could not stream rows into " + table, e);
        } catch (UncheckedIOException e) {
            throw new SQLException("Could not stream rows into " + table, e.getCause());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
        written = before + count("SELECT count(*) FROM " + table);
        rowsWritten.accept(written);
    }

    long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeLargeUpdate();
        }
    }

    /** Runs an UPDATE ... RETURNING (row created in this transaction) and counts the rows that existed before. */
    long changed(String sql) throws SQLException {
        long changed = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (!rs.getBoolean(1)) {
                    changed++;
                }
            }
        }
        return changed;
    }
}
