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
    void aParameterWithoutAValueIsAProgrammingError() {
        assertThatThrownBy(() -> reports.rows("SELECT ?2", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("?2");
    }
}
