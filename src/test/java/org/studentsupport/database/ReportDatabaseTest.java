package org.studentsupport.database;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report database answers reads, binds numbered parameters, and refuses every write. */
@QuarkusTest
class ReportDatabaseTest {

    @Inject
    ReportDatabase reports;

    @Inject
    @io.quarkus.agroal.DataSource("reports")
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    ReportSettings settings;

    @Test
    void numberedParametersAreBoundInOrderAndMayRepeat() {
        List<Object[]> rows = reports.rows("SELECT CAST(?2 AS int) + CAST(?1 AS int), CAST(?2 AS int), CAST(?3 AS date)",
                40, 2, LocalDate.of(2026, 9, 1));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(((Number) row[0]).intValue()).isEqualTo(42);
            assertThat(((Number) row[1]).intValue()).isEqualTo(2);
            assertThat(row[2]).hasToString("2026-09-01");
        });
        assertThat(reports.count("SELECT count(*) FROM generate_series(1, CAST(?1 AS int))", 7)).isEqualTo(7);
    }

    @Test
    void aReportSessionCannotWrite() {
        long schools = reports.count("SELECT count(*) FROM school");
        assertThatThrownBy(() -> reports.rows("UPDATE school SET name = name || '!' RETURNING id"))
                .isInstanceOf(IllegalStateException.class)
                .cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        assertThat(reports.count("SELECT count(*) FROM school WHERE name LIKE '%!'")).isZero();
        assertThat(reports.count("SELECT count(*) FROM school")).isEqualTo(schools);
    }

    @Test
    void aStatementPastTheTimeLimitIsCancelledAndReportedAsSuch() {
        ReportDatabase oneSecond = new ReportDatabase(dataSource, () -> java.time.Duration.ofSeconds(1));
        long started = System.nanoTime();
        assertThatThrownBy(() -> oneSecond.rows("SELECT pg_sleep(5)"))
                .isInstanceOfSatisfying(ReportUnavailableException.class, e -> {
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.limitSeconds()).isEqualTo(1);
                });
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        assertThat(oneSecond.count("SELECT count(*) FROM generate_series(1, 3)")).isEqualTo(3);
    }

    @Test
    void theDefaultLimitAnswersBeforeTheHttpIdleTimeout() {
        assertThat(settings.statementTimeout()).isEqualTo(java.time.Duration.ofSeconds(25));
        assertThat(settings.statementTimeout()).isLessThan(java.time.Duration.ofSeconds(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", java.time.Duration.class).toSeconds()));
    }

    @Test
    void aParameterWithoutAValueIsAProgrammingError() {
        assertThatThrownBy(() -> reports.rows("SELECT ?2", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("?2");
    }
}
