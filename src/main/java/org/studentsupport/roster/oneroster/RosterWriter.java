package org.studentsupport.roster.oneroster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The second pass: streams each file of a validated bundle into a temporary staging table (COPY),
 * then applies it with a few set-based statements per kind of record — insert what is new, update
 * what differs, leave the rest alone, retire what a delta deletes or a bulk file no longer lists —
 * counting each. Runs inside the caller's transaction; nothing is committed here.
 */
public final class RosterWriter {

    private final Staging sql;
    private final Connection connection;
    private final RosterBundle bundle;
    private final RosterIndex index;
    private final String district;
    private final LocalDate today;
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private UUID districtId;

    public RosterWriter(Connection connection, RosterBundle bundle, RosterIndex index, String district, Problems problems,
                        LocalDate today, LongConsumer rowsWritten) {
        this.sql = new Staging(connection, bundle, index, problems, rowsWritten);
        this.connection = connection;
        this.bundle = bundle;
        this.index = index;
        this.district = district;
        this.today = today;
    }

    /** Writes the bundle; returns the counts per kind of record, or stops early when a problem shows up. */
    public Map<String, Counts> write() throws SQLException {
        bundle.newPass();
        lockAndDistrict();
        if (index.mode(OneRosterFile.ORGS) != Mode.ABSENT) {
            schools();
        }
        if (index.mode(OneRosterFile.ACADEMIC_SESSIONS) != Mode.ABSENT) {
            sessions();
        }
        if (index.mode(OneRosterFile.COURSES) != Mode.ABSENT) {
            courses();
        }
        if (index.mode(OneRosterFile.CLASSES) != Mode.ABSENT) {
            classes();
        }
        if (index.mode(OneRosterFile.USERS) != Mode.ABSENT) {
            new UserWriter(sql, index, counts, districtId).write();
        }
        if (index.mode(OneRosterFile.DEMOGRAPHICS) != Mode.ABSENT) {
            demographics();
        }
        if (index.mode(OneRosterFile.ENROLLMENTS) != Mode.ABSENT) {
            enrollments();
        }
        return counts;
    }

    // ---------------------------------------------------------------------------------------------

    private void lockAndDistrict() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // room for the hash joins between the staging tables and the roster tables
            statement.execute("SET LOCAL work_mem = '64MB'");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "roster-import:" + district);
            lock.execute();
        }
        try (PreparedStatement find = connection.prepareStatement("SELECT id, name FROM district WHERE sourced_id = ?")) {
            find.setString(1, district);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    districtId = rs.getObject(1, UUID.class);
                    if (index.districtName() != null && !index.districtName().equals(rs.getString(2))) {
                        sql.update("UPDATE district SET name = ?, version = version + 1, updated_at = now() WHERE id = ?",
                                index.districtName(), districtId);
                    }
                    return;
                }
            }
        }
        districtId = UUID.randomUUID();
        sql.update("INSERT INTO district (id, sourced_id, name) VALUES (?, ?, ?)", districtId, district,
                index.districtName() == null ? district : index.districtName());
    }

    private void schools() throws SQLException {
        sql.stage("stage_org", "sourced_id text, name text, identifier text");
        sql.copy(OneRosterFile.ORGS, "stage_org", "sourced_id, name, identifier", Rows::org, (row, out) -> {
            if ("school".equals(row.type())) {
                out.printRecord(row.sourcedId(), row.name(), row.identifier());
            }
        });
        sql.conflicts("SELECT s.sourced_id FROM stage_org s JOIN school t ON t.sourced_id = s.sourced_id WHERE t.district_id <> ?",
                districtId, OneRosterFile.ORGS, "School %s belongs to another district");
        Counts c = counts("schools");
        long staged = sql.count("SELECT count(*) FROM stage_org");
        c.created = sql.update("INSERT INTO school (id, sourced_id, district_id, name, identifier) "
                + "SELECT gen_random_uuid(), s.sourced_id, ?, s.name, s.identifier FROM stage_org s "
                + "WHERE NOT EXISTS (SELECT 1 FROM school t WHERE t.sourced_id = s.sourced_id)", districtId);
        c.updated = sql.update("UPDATE school t SET name = s.name, identifier = s.identifier, version = t.version + 1, updated_at = now() "
                + "FROM stage_org s WHERE t.sourced_id = s.sourced_id AND t.created_at <> now() "
                + "AND (t.name, t.identifier) IS DISTINCT FROM (s.name, s.identifier)");
        c.unchanged = staged - c.created - c.updated;
    }

    private void sessions() throws SQLException {
        sql.stage("stage_session", "sourced_id text, deleted boolean, title text, type text, school_year integer, "
                + "start_date date, end_date date, parent_sid text");
        sql.copy(OneRosterFile.ACADEMIC_SESSIONS, "stage_session", "sourced_id, deleted, title, type, school_year, start_date, end_date, parent_sid",
                Rows::session, (row, out) -> out.printRecord(row.sourcedId(), row.deleted(), row.title(), row.type(), row.schoolYear(),
                        row.start(), row.end(), row.parent()));
        sql.conflicts("SELECT s.sourced_id FROM stage_session s JOIN academic_session t ON t.sourced_id = s.sourced_id WHERE t.district_id <> ?",
                districtId, OneRosterFile.ACADEMIC_SESSIONS, "Academic session %s belongs to another district");
        Counts c = counts("academicSessions");
        c.created = sql.update("INSERT INTO academic_session (id, sourced_id, district_id, title, type, school_year, start_date, end_date) "
                + "SELECT gen_random_uuid(), s.sourced_id, ?, s.title, s.type, s.school_year, s.start_date, s.end_date FROM stage_session s "
                + "WHERE NOT s.deleted AND NOT EXISTS (SELECT 1 FROM academic_session t WHERE t.sourced_id = s.sourced_id)", districtId);
        // parents may come later in the file: set them once every session exists; new rows do not count as updated
        c.updated = sql.changed("UPDATE academic_session t SET title = s.title, type = s.type, school_year = s.school_year, "
                + "start_date = s.start_date, end_date = s.end_date, parent_id = p.id, active = true, version = t.version + 1, updated_at = now() "
                + "FROM stage_session s LEFT JOIN academic_session p ON p.sourced_id = s.parent_sid "
                + "WHERE t.sourced_id = s.sourced_id AND NOT s.deleted "
                + "AND (t.title, t.type, t.school_year, t.start_date, t.end_date, t.parent_id, t.active) "
                + "IS DISTINCT FROM (s.title, s.type, s.school_year, s.start_date, s.end_date, p.id, true) "
                + "RETURNING t.created_at = now()");
        retire(c, "academic_session", "stage_session", OneRosterFile.ACADEMIC_SESSIONS, "t.district_id = ?");
    }

    private void courses() throws SQLException {
        sql.stage("stage_course", "sourced_id text, deleted boolean, title text, course_code text");
        sql.copy(OneRosterFile.COURSES, "stage_course", "sourced_id, deleted, title, course_code", Rows::course,
                (row, out) -> out.printRecord(row.sourcedId(), row.deleted(), row.title(), row.courseCode()));
        sql.conflicts("SELECT s.sourced_id FROM stage_course s JOIN course t ON t.sourced_id = s.sourced_id WHERE t.district_id <> ?",
                districtId, OneRosterFile.COURSES, "Course %s belongs to another district");
        Counts c = counts("courses");
        c.created = sql.update("INSERT INTO course (id, sourced_id, district_id, title, course_code) "
                + "SELECT gen_random_uuid(), s.sourced_id, ?, s.title, s.course_code FROM stage_course s "
                + "WHERE NOT s.deleted AND NOT EXISTS (SELECT 1 FROM course t WHERE t.sourced_id = s.sourced_id)", districtId);
        c.updated = sql.changed("UPDATE course t SET title = s.title, course_code = s.course_code, active = true, version = t.version + 1, "
                + "updated_at = now() FROM stage_course s WHERE t.sourced_id = s.sourced_id AND NOT s.deleted "
                + "AND (t.title, t.course_code, t.active) IS DISTINCT FROM (s.title, s.course_code, true) RETURNING t.created_at = now()");
        retire(c, "course", "stage_course", OneRosterFile.COURSES, "t.district_id = ?");
        sql.update("UPDATE class_section c SET course_title = co.title, version = c.version + 1, updated_at = now() FROM course co "
                + "WHERE c.course_id = co.id AND co.district_id = ? AND c.course_title IS DISTINCT FROM co.title", districtId);
    }

    private void classes() throws SQLException {
        sql.stage("stage_class", "sourced_id text, deleted boolean, school_sid text, term_sid text, course_sid text, title text, "
                + "class_code text, grades text, class_type text");
        sql.copy(OneRosterFile.CLASSES, "stage_class", "sourced_id, deleted, school_sid, term_sid, course_sid, title, class_code, grades, class_type",
                Rows::classRow, (row, out) -> out.printRecord(row.sourcedId(), row.deleted(), row.school(),
                        row.terms().isEmpty() ? null : row.terms().get(0), row.course(), row.title(), row.classCode(), row.grades(),
                        row.classType()));
        sql.conflicts("SELECT s.sourced_id FROM stage_class s JOIN class_section t ON t.sourced_id = s.sourced_id "
                + "JOIN school sc ON sc.id = t.school_id WHERE sc.district_id <> ?", districtId, OneRosterFile.CLASSES, "Class %s belongs to another district");
        Counts c = counts("classes");
        String source = "FROM stage_class s JOIN school sc ON sc.sourced_id = s.school_sid AND sc.district_id = ? "
                + "JOIN academic_session se ON se.sourced_id = s.term_sid LEFT JOIN course co ON co.sourced_id = s.course_sid ";
        c.created = sql.update("INSERT INTO class_section (id, sourced_id, school_id, session_id, title, class_code, course_title, grades, course_id, class_type) "
                + "SELECT gen_random_uuid(), s.sourced_id, sc.id, se.id, s.title, s.class_code, co.title, s.grades, co.id, s.class_type " + source
                + "WHERE NOT s.deleted AND NOT EXISTS (SELECT 1 FROM class_section t WHERE t.sourced_id = s.sourced_id)", districtId);
        c.updated = sql.update("UPDATE class_section t SET school_id = x.school_id, session_id = x.session_id, title = x.title, "
                + "class_code = x.class_code, course_title = x.course_title, grades = x.grades, course_id = x.course_id, class_type = x.class_type, "
                + "active = true, version = t.version + 1, updated_at = now() FROM (SELECT s.sourced_id, sc.id AS school_id, se.id AS session_id, "
                + "s.title, s.class_code, co.title AS course_title, s.grades, co.id AS course_id, s.class_type " + source + "WHERE NOT s.deleted) x "
                + "WHERE t.sourced_id = x.sourced_id AND (t.school_id, t.session_id, t.title, t.class_code, t.course_title, t.grades, t.course_id, "
                + "t.class_type, t.active) IS DISTINCT FROM (x.school_id, x.session_id, x.title, x.class_code, x.course_title, x.grades, x.course_id, "
                + "x.class_type, true)", districtId);
        retire(c, "class_section", "stage_class", OneRosterFile.CLASSES,
                "t.school_id IN (SELECT id FROM school WHERE district_id = ?)");
    }

    private void demographics() throws SQLException {
        sql.stage("stage_demographic", "sourced_id text, deleted boolean, birth_date date");
        sql.copy(OneRosterFile.DEMOGRAPHICS, "stage_demographic", "sourced_id, deleted, birth_date",
                (row, mode, cells, p) -> Rows.demographic(row, mode, cells, p, today),
                (row, out) -> out.printRecord(row.sourcedId(), row.deleted(), row.birthDate()));
        Counts c = counts("demographics");
        String inDistrict = "AND t.school_id IN (SELECT id FROM school WHERE district_id = ?)";
        c.updated = sql.update("UPDATE student t SET birth_date = s.birth_date, version = t.version + 1, updated_at = now() "
                + "FROM stage_demographic s WHERE t.sourced_id = s.sourced_id AND NOT s.deleted "
                + "AND t.birth_date IS DISTINCT FROM s.birth_date " + inDistrict, districtId);
        c.deleted = sql.update("UPDATE student t SET birth_date = NULL, version = t.version + 1, updated_at = now() "
                + "FROM stage_demographic s WHERE t.sourced_id = s.sourced_id AND s.deleted AND t.birth_date IS NOT NULL " + inDistrict, districtId);
        c.unchanged = sql.count("SELECT count(*) FROM stage_demographic") - c.updated - c.deleted;
    }

    private void enrollments() throws SQLException {
        sql.stage("stage_enrollment", "sourced_id text, deleted boolean, role text, class_sid text, user_sid text, begin_date date, end_date date");
        sql.copy(OneRosterFile.ENROLLMENTS, "stage_enrollment", "sourced_id, deleted, role, class_sid, user_sid, begin_date, end_date",
                Rows::enrollment, (row, out) -> out.printRecord(row.sourcedId(), row.deleted(), row.role(), row.classSourcedId(), row.user(),
                        row.begin(), row.end()));
        sql.conflicts("SELECT s.sourced_id FROM stage_enrollment s JOIN enrollment t ON t.sourced_id = s.sourced_id "
                + "JOIN class_section c ON c.id = t.class_id JOIN school sc ON sc.id = c.school_id WHERE sc.district_id <> ?",
                districtId, OneRosterFile.ENROLLMENTS, "Enrollment %s belongs to another district");
        Counts c = counts("enrollments");
        String source = "FROM stage_enrollment s JOIN class_section cl ON cl.sourced_id = s.class_sid "
                + "JOIN school sc ON sc.id = cl.school_id AND sc.district_id = ? JOIN student st ON st.sourced_id = s.user_sid "
                + "WHERE s.role = 'student' AND NOT s.deleted";
        c.created = sql.update("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date) "
                + "SELECT gen_random_uuid(), s.sourced_id, cl.id, st.id, s.begin_date, s.end_date " + source
                + " AND NOT EXISTS (SELECT 1 FROM enrollment t WHERE t.sourced_id = s.sourced_id)", districtId);
        c.updated = sql.update("UPDATE enrollment t SET class_id = x.class_id, student_id = x.student_id, begin_date = x.begin_date, "
                + "end_date = x.end_date, version = t.version + 1, updated_at = now() FROM (SELECT s.sourced_id, cl.id AS class_id, "
                + "st.id AS student_id, s.begin_date, s.end_date " + source + ") x WHERE t.sourced_id = x.sourced_id "
                + "AND (t.class_id, t.student_id, t.begin_date, t.end_date) IS DISTINCT FROM (x.class_id, x.student_id, x.begin_date, x.end_date)",
                districtId);
        long staged = sql.count("SELECT count(*) FROM stage_enrollment WHERE role = 'student' AND NOT deleted");
        // removed enrollments end yesterday, so that rosters of past dates stay true; ones that never began go
        removedSet("removed_enrollment", "enrollment", "cl.id = t.class_id");
        c.deleted = sql.update("UPDATE enrollment t SET end_date = ?, version = t.version + 1, updated_at = now() FROM removed_enrollment r "
                + "WHERE t.id = r.id AND (t.end_date IS NULL OR t.end_date >= ?) AND (t.begin_date IS NULL OR t.begin_date < ?)",
                today.minusDays(1), today, today);
        c.deleted += sql.update("DELETE FROM enrollment t USING removed_enrollment r WHERE t.id = r.id AND t.begin_date >= ?", today);
        c.unchanged = staged - c.created - c.updated;

        Counts teachers = counts("classTeachers");
        String teacherSource = "FROM stage_enrollment s JOIN class_section cl ON cl.sourced_id = s.class_sid "
                + "JOIN school sc ON sc.id = cl.school_id AND sc.district_id = ? JOIN teacher te ON te.sourced_id = s.user_sid "
                + "WHERE s.role = 'teacher' AND NOT s.deleted";
        teachers.created = sql.update("INSERT INTO class_teacher (class_id, teacher_id, sourced_id) SELECT DISTINCT ON (cl.id, te.id) "
                + "cl.id, te.id, s.sourced_id " + teacherSource + " AND NOT EXISTS (SELECT 1 FROM class_teacher t "
                + "WHERE (t.class_id = cl.id AND t.teacher_id = te.id) OR t.sourced_id = s.sourced_id) ORDER BY cl.id, te.id, s.sourced_id", districtId);
        long teacherStaged = sql.count("SELECT count(*) FROM stage_enrollment WHERE role = 'teacher' AND NOT deleted");
        removedSet("removed_class_teacher", "class_teacher", "cl.id = t.class_id");
        teachers.deleted = sql.update("DELETE FROM class_teacher t USING removed_class_teacher r WHERE t.ctid = r.id");
        teachers.unchanged = teacherStaged - teachers.created;
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Collects the rows of an enrollment table that this bundle removes: those its delta rows delete and, for a
     * bulk file, those of the district's classes it no longer lists. Two plain anti-joins (an OR would make
     * PostgreSQL probe the staging table once per row).
     */
    private void removedSet(String name, String table, String classJoin) throws SQLException {
        String id = table.equals("class_teacher") ? "t.ctid" : "t.id";
        String sql = "CREATE TEMPORARY TABLE " + name + " ON COMMIT DROP AS SELECT " + id + " AS id FROM " + table + " t "
                + "JOIN stage_enrollment s ON s.sourced_id = t.sourced_id WHERE s.deleted";
        if (index.mode(OneRosterFile.ENROLLMENTS) == Mode.BULK) {
            sql += " UNION SELECT " + id + " FROM " + table + " t JOIN class_section cl ON " + classJoin
                    + " JOIN school sc ON sc.id = cl.school_id AND sc.district_id = '" + districtId + "' "
                    + "WHERE NOT EXISTS (SELECT 1 FROM stage_enrollment s WHERE s.sourced_id = t.sourced_id AND NOT s.deleted)";
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Counts counts(String kind) {
        return counts.computeIfAbsent(kind, k -> new Counts());
    }

    /** Retires (active = false) the rows a delta deletes and, for a bulk file, the district's rows it no longer lists. */
    private void retire(Counts c, String table, String stage, OneRosterFile file, String districtFilter) throws SQLException {
        long staged = sql.count("SELECT count(*) FROM " + stage + " WHERE NOT deleted");
        c.deleted = sql.update("UPDATE " + table + " t SET active = false, version = t.version + 1, updated_at = now() FROM " + stage + " s "
                + "WHERE t.sourced_id = s.sourced_id AND s.deleted AND t.active AND " + districtFilter, districtId);
        if (index.mode(file) == Mode.BULK) {
            c.deleted += sql.update("UPDATE " + table + " t SET active = false, version = t.version + 1, updated_at = now() "
                    + "WHERE t.active AND " + districtFilter + " AND NOT EXISTS (SELECT 1 FROM " + stage + " s WHERE s.sourced_id = t.sourced_id)",
                    districtId);
        }
        c.unchanged = staged - c.created - c.updated;
    }

    /** Thrown to stop the write pass (and roll its transaction back) when it finds problems. */
    public static final class ProblemsFound extends RuntimeException {
        ProblemsFound() {
            super("the bundle conflicts with what is stored", null, false, false);
        }
    }
}
