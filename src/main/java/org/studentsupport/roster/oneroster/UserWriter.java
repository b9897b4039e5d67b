package org.studentsupport.roster.oneroster;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Writes users.csv: one staging table, from which students, teachers and family contacts (a user
 * may be several, by the kinds the roles give) and the student-contact links are applied in turn.
 */
final class UserWriter {

    private final Staging sql;
    private final RosterIndex index;
    private final Map<String, Counts> counts;
    private final UUID districtId;

    UserWriter(Staging sql, RosterIndex index, Map<String, Counts> counts, UUID districtId) {
        this.sql = sql;
        this.index = index;
        this.counts = counts;
        this.districtId = districtId;
    }

    void write() throws SQLException {
        sql.stage("stage_user", "sourced_id text, deleted boolean, kinds integer, school_sid text, identifier text, given_name text, "
                + "family_name text, preferred_name text, email text, phone text, sms text, grade text, preferred_language text, "
                + "home_language text, opt_out boolean");
        sql.copy(OneRosterFile.USERS, "stage_user", "sourced_id, deleted, kinds, school_sid, identifier, given_name, family_name, "
                + "preferred_name, email, phone, sms, grade, preferred_language, home_language, opt_out", Rows::user, (row, out) -> {
            int kinds = row.deleted() ? RosterIndex.STUDENT | RosterIndex.TEACHER | RosterIndex.CONTACT : index.kinds(row.sourcedId());
            if (kinds != 0) {
                out.printRecord(row.sourcedId(), row.deleted(), kinds, index.schoolOf(row.sourcedId()), row.identifier(), row.givenName(),
                        row.familyName(), row.preferredGivenName(), row.email(), row.phone(), row.sms(), row.grade(),
                        row.preferredLanguage(), row.homeLanguage(), row.directoryOptOut());
            }
        });
        students();
        teachers();
        contacts();
        links();
    }

    private void students() throws SQLException {
        sql.conflicts("SELECT s.sourced_id FROM stage_user s JOIN student t ON t.sourced_id = s.sourced_id JOIN school sc ON sc.id = t.school_id "
                + "WHERE s.kinds & 1 <> 0 AND NOT s.deleted AND sc.district_id <> ?", districtId, OneRosterFile.USERS, "Student %s belongs to another district");
        Counts c = counts("students");
        String source = "FROM stage_user s LEFT JOIN school sc ON sc.sourced_id = s.school_sid AND sc.district_id = ? ";
        c.created = sql.update("INSERT INTO student (id, sourced_id, school_id, identifier, given_name, family_name, preferred_name, grade, "
                + "preferred_language, home_language, directory_opt_out) SELECT gen_random_uuid(), s.sourced_id, sc.id, s.identifier, "
                + "s.given_name, s.family_name, s.preferred_name, s.grade, s.preferred_language, s.home_language, coalesce(s.opt_out, false) "
                + source + "WHERE s.kinds & 1 <> 0 AND NOT s.deleted AND NOT EXISTS (SELECT 1 FROM student t WHERE t.sourced_id = s.sourced_id)",
                districtId);
        c.updated = sql.update("UPDATE student t SET school_id = x.school_id, identifier = x.identifier, given_name = x.given_name, "
                + "family_name = x.family_name, preferred_name = x.preferred_name, grade = x.grade, preferred_language = x.preferred_language, "
                + "home_language = x.home_language, directory_opt_out = x.opt_out, active = true, version = t.version + 1, updated_at = now() "
                + "FROM (SELECT s.sourced_id, coalesce(sc.id, st.school_id) AS school_id, s.identifier, s.given_name, s.family_name, "
                + "s.preferred_name, s.grade, CASE WHEN s.preferred_language IS NULL AND NOT ? THEN st.preferred_language ELSE s.preferred_language END AS preferred_language, "
                + "CASE WHEN s.home_language IS NULL AND NOT ? THEN st.home_language ELSE s.home_language END AS home_language, "
                + "coalesce(s.opt_out, st.directory_opt_out) AS opt_out " + source + "JOIN student st ON st.sourced_id = s.sourced_id "
                + "WHERE s.kinds & 1 <> 0 AND NOT s.deleted) x WHERE t.sourced_id = x.sourced_id "
                + "AND (t.school_id, t.identifier, t.given_name, t.family_name, t.preferred_name, t.grade, t.preferred_language, t.home_language, "
                + "t.directory_opt_out, t.active) IS DISTINCT FROM (x.school_id, x.identifier, x.given_name, x.family_name, x.preferred_name, "
                + "x.grade, x.preferred_language, x.home_language, x.opt_out, true)",
                false, false, districtId);
        long staged = sql.count("SELECT count(*) FROM stage_user WHERE kinds & 1 <> 0 AND NOT deleted");
        c.deleted = sql.update("UPDATE student t SET active = false, version = t.version + 1, updated_at = now() FROM stage_user s "
                + "WHERE t.sourced_id = s.sourced_id AND s.deleted AND t.active "
                + "AND t.school_id IN (SELECT id FROM school WHERE district_id = ?)", districtId);
        if (index.mode(OneRosterFile.USERS) == Mode.BULK) {
            c.deleted += sql.update("UPDATE student t SET active = false, version = t.version + 1, updated_at = now() WHERE t.active "
                    + "AND t.school_id IN (SELECT id FROM school WHERE district_id = ?) "
                    + "AND NOT EXISTS (SELECT 1 FROM stage_user s WHERE s.sourced_id = t.sourced_id AND s.kinds & 1 <> 0)", districtId);
        }
        c.unchanged = staged - c.created - c.updated;
    }

    private void teachers() throws SQLException {
        Counts c = counts("teachers");
        c.created = sql.update("INSERT INTO teacher (id, sourced_id, given_name, family_name, email) "
                + "SELECT gen_random_uuid(), s.sourced_id, s.given_name, s.family_name, s.email FROM stage_user s "
                + "WHERE s.kinds & 2 <> 0 AND NOT s.deleted AND NOT EXISTS (SELECT 1 FROM teacher t WHERE t.sourced_id = s.sourced_id)");
        c.updated = sql.update("UPDATE teacher t SET given_name = s.given_name, family_name = s.family_name, email = s.email, active = true, "
                + "version = t.version + 1, updated_at = now() FROM stage_user s WHERE t.sourced_id = s.sourced_id AND s.kinds & 2 <> 0 "
                + "AND NOT s.deleted AND (t.given_name, t.family_name, t.email, t.active) IS DISTINCT FROM (s.given_name, s.family_name, s.email, true)");
        c.deleted = sql.update("UPDATE teacher t SET active = false, version = t.version + 1, updated_at = now() FROM stage_user s "
                + "WHERE t.sourced_id = s.sourced_id AND s.deleted AND t.active");
        sql.update("DELETE FROM class_teacher ct USING teacher t, stage_user s WHERE ct.teacher_id = t.id AND t.sourced_id = s.sourced_id AND s.deleted");
        c.unchanged = sql.count("SELECT count(*) FROM stage_user WHERE kinds & 2 <> 0 AND NOT deleted") - c.created - c.updated;
    }

    private void contacts() throws SQLException {
        Counts c = counts("familyContacts");
        c.created = sql.update("INSERT INTO family_contact (id, sourced_id, given_name, family_name, email, phone, sms, preferred_language) "
                + "SELECT gen_random_uuid(), s.sourced_id, s.given_name, s.family_name, s.email, s.phone, s.sms, s.preferred_language "
                + "FROM stage_user s WHERE s.kinds & 4 <> 0 AND NOT s.deleted "
                + "AND NOT EXISTS (SELECT 1 FROM family_contact t WHERE t.sourced_id = s.sourced_id)");
        c.updated = sql.update("UPDATE family_contact t SET given_name = s.given_name, family_name = s.family_name, email = s.email, "
                + "phone = s.phone, sms = s.sms, preferred_language = coalesce(s.preferred_language, t.preferred_language), active = true, "
                + "version = t.version + 1, updated_at = now() FROM stage_user s WHERE t.sourced_id = s.sourced_id AND s.kinds & 4 <> 0 "
                + "AND NOT s.deleted AND (t.given_name, t.family_name, t.email, t.phone, t.sms, t.preferred_language, t.active) "
                + "IS DISTINCT FROM (s.given_name, s.family_name, s.email, s.phone, s.sms, coalesce(s.preferred_language, t.preferred_language), true)");
        c.deleted = sql.update("UPDATE family_contact t SET active = false, version = t.version + 1, updated_at = now() FROM stage_user s "
                + "WHERE t.sourced_id = s.sourced_id AND s.deleted AND t.active");
        c.unchanged = sql.count("SELECT count(*) FROM stage_user WHERE kinds & 4 <> 0 AND NOT deleted") - c.created - c.updated;
    }

    private void links() throws SQLException {
        sql.stage("stage_link", "student_sid text, contact_sid text, relationship text, may_sign boolean");
        sql.copyRows("stage_link", "student_sid, contact_sid, relationship, may_sign", out -> {
            for (String[] link : index.links()) {
                String role = index.contactRole(link[1]);
                out.printRecord(link[0], link[1], role, role == null ? null : !role.equals("relative"));
            }
        });
        Counts c = counts("familyLinks");
        String source = "FROM (SELECT DISTINCT ON (st.id, fc.id) st.id AS student_id, fc.id AS contact_id, s.relationship, s.may_sign "
                + "FROM stage_link s JOIN student st ON st.sourced_id = s.student_sid JOIN family_contact fc ON fc.sourced_id = s.contact_sid "
                + "ORDER BY st.id, fc.id, s.relationship NULLS LAST) x ";
        long staged = sql.count("SELECT count(*) " + source);
        c.created = sql.update("INSERT INTO student_contact (student_id, contact_id, relationship, may_sign_consent) "
                + "SELECT x.student_id, x.contact_id, coalesce(x.relationship, 'other'), coalesce(x.may_sign, false) " + source
                + "WHERE NOT EXISTS (SELECT 1 FROM student_contact t WHERE t.student_id = x.student_id AND t.contact_id = x.contact_id)");
        c.updated = sql.update("UPDATE student_contact t SET relationship = x.relationship, may_sign_consent = x.may_sign " + source
                + "WHERE t.student_id = x.student_id AND t.contact_id = x.contact_id AND x.relationship IS NOT NULL "
                + "AND (t.relationship, t.may_sign_consent) IS DISTINCT FROM (x.relationship, x.may_sign)");
        // the users file states each listed student's and contact's links in full: drop the ones it no longer names
        c.deleted = sql.update("DELETE FROM student_contact t WHERE (t.student_id IN (SELECT st.id FROM student st JOIN stage_user s "
                + "ON s.sourced_id = st.sourced_id WHERE s.kinds & 1 <> 0 AND NOT s.deleted) OR t.contact_id IN (SELECT fc.id FROM family_contact fc "
                + "JOIN stage_user s ON s.sourced_id = fc.sourced_id WHERE s.kinds & 4 <> 0)) AND NOT EXISTS (SELECT 1 FROM stage_link l "
                + "JOIN student st ON st.sourced_id = l.student_sid JOIN family_contact fc ON fc.sourced_id = l.contact_sid "
                + "WHERE st.id = t.student_id AND fc.id = t.contact_id)");
        c.unchanged = staged - c.created - c.updated;
    }

    private Counts counts(String kind) {
        return counts.computeIfAbsent(kind, k -> new Counts());
    }
}
