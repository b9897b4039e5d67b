package org.studentsupport.roster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the database directly, to assert what an import wrote (or did not write). */
@ApplicationScoped
public class Db {

    private final AgroalDataSource dataSource;

    public Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** How many rows the roster tables hold, to show that a rejected import wrote nothing. */
    public Map<String, Object> rosterCounts() {
        return rows("SELECT (SELECT count(*) FROM district) districts, (SELECT count(*) FROM school) schools, "
                + "(SELECT count(*) FROM academic_session) sessions, (SELECT count(*) FROM course) courses, "
                + "(SELECT count(*) FROM class_section) classes, (SELECT count(*) FROM student) students, "
                + "(SELECT count(*) FROM teacher) teachers, (SELECT count(*) FROM family_contact) contacts, "
                + "(SELECT count(*) FROM student_contact) links, (SELECT count(*) FROM enrollment) enrollments, "
                + "(SELECT count(*) FROM class_teacher) class_teachers, (SELECT max(updated_at) FROM student) students_changed").get(0);
    }
}
