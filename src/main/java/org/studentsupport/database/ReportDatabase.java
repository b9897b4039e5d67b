package org.studentsupport.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only SQL for reports, over the {@code reports} datasource: on Kubernetes the database's
 * read-only service (the replicas), elsewhere the primary. Its connections are read-only sessions
 * outside the request's transaction, so a report can neither write nor hold the primary's pool, and
 * a report is as fresh as the replica (normally well under a second behind).
 *
 * <p>Statements name their parameters {@code ?1}, {@code ?2}, ... as the JPA native queries of the
 * features do; a parameter may be used more than once.
 */
@ApplicationScoped
public class ReportDatabase {

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");

    private final AgroalDataSource dataSource;
    private final int timeoutSeconds;

    public ReportDatabase(@DataSource("reports") AgroalDataSource dataSource, ReportSettings settings) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, settings.statementTimeout().toSeconds());
    }

    /** Every row of the query, each as its column values in order. */
    public List<Object[]> rows(String sql, Object... parameters) {
        Matcher m = PARAMETER.matcher(sql);
        List<Object> bound = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index < 1 || index > parameters.length) {
                throw new IllegalArgumentException("No value for parameter ?" + index);
            }
            bound.add(parameters[index - 1]);
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(jdbc.toString())) {
            statement.setQueryTimeout(timeoutSeconds);
            for (int i = 0; i < bound.size(); i++) {
                statement.setObject(i + 1, bound.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ReportUnavailableException.isOutage(e) ? new ReportUnavailableException(e, timeoutSeconds)
                    : new IllegalStateException("Report query failed: " + e.getSQLState(), e);
        }
    }

    /** The single number the query returns (a count). */
    public long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0)[0]).longValue();
    }
}
