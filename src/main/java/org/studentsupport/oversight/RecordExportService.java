package org.studentsupport.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.student.StudentScope;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the service holds on one student, for the family's right to inspect (FERPA 99.10):
 * each part read as stored, in one JSON document, with the record of disclosures and the access
 * report. Each part is one query; none is left out because a feature forgot to contribute.
 */
@ApplicationScoped
public class RecordExportService {

    /** The most access-report events the export includes (newest first); the document says when it stops there. */
    public static final int MAX_ACCESS_EVENTS = 100_000;

    private static final Map<String, String> PARTS = parts();

    private final EntityManager em;
    private final StudentScope students;
    private final ObjectMapper json;

    public RecordExportService(EntityManager em, StudentScope students, ObjectMapper json) {
        this.em = em;
        this.students = students;
        this.json = json;
    }

    @Transactional
    public ObjectNode export(UUID studentId) {
        students.require(studentId);
        ObjectNode document = json.createObjectNode();
        document.put("studentId", studentId.toString());
        document.put("producedAt", Instant.now().toString());
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            Object result = em.createNativeQuery(part.getValue()).setParameter(1, studentId).getSingleResult();
            document.set(part.getKey(), parse(result));
        }
        long accessEvents = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM audit_event WHERE student_ids @> ARRAY[CAST(?1 AS uuid)]")
                .setParameter(1, studentId).getSingleResult()).longValue();
        document.put("accessReportTruncated", accessEvents > MAX_ACCESS_EVENTS);
        return document;
    }

    private JsonNode parse(Object value) {
        if (value == null) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(value.toString());
        } catch (IOException e) {
            throw new IllegalStateException("a part of the record could not be read", e);
        }
    }

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("student", "SELECT row_to_json(s) FROM (SELECT st.*, sc.sourced_id AS school_sourced_id, sc.name AS school_name"
                + " FROM student st JOIN school sc ON sc.id = st.school_id WHERE st.id = ?1) s");
        parts.put("enrollments", "SELECT json_agg(x ORDER BY x.begin_date, x.id) FROM (SELECT e.*, c.sourced_id AS class_sourced_id,"
                + " c.title AS class_title, c.course_title FROM enrollment e JOIN class_section c ON c.id = e.class_id"
                + " WHERE e.student_id = ?1) x");
        parts.put("familyContacts", "SELECT json_agg(x ORDER BY x.family_name, x.id) FROM (SELECT f.*, sc.relationship,"
                + " sc.may_sign_consent FROM student_contact sc JOIN family_contact f ON f.id = sc.contact_id WHERE sc.student_id = ?1) x");
        parts.put("wholeClassReviews", "SELECT json_agg(x ORDER BY x.period_start, x.id) FROM (SELECT e.*, r.class_id, r.period_id,"
                + " r.status AS review_status, p.name AS period_name, p.start_date AS period_start,"
                + " (SELECT json_agg(d ORDER BY d.domain) FROM class_review_domain d WHERE d.entry_id = e.id) AS domains,"
                + " (SELECT row_to_json(a) FROM class_review_amendment a WHERE a.id = e.amendment_id) AS amendment"
                + " FROM class_review_entry e JOIN class_review r ON r.id = e.review_id JOIN review_period p ON p.id = r.period_id"
                + " WHERE e.student_id = ?1) x");
        parts.put("individualReviews", "SELECT json_agg(x ORDER BY x.opened_at, x.id) FROM (SELECT i.*,"
                + " (SELECT json_agg(t) FROM isr_team_member t WHERE t.review_id = i.id) AS team,"
                + " (SELECT json_agg(g) FROM (SELECT g.*, (SELECT json_agg(n ORDER BY n.noted_on) FROM isr_goal_note n"
                + " WHERE n.goal_id = g.id) AS progress_notes FROM isr_goal g WHERE g.review_id = i.id) g) AS goals,"
                + " (SELECT json_agg(s) FROM isr_support s WHERE s.review_id = i.id) AS supports"
                + " FROM individual_review i WHERE i.student_id = ?1) x");
        parts.put("consents", "SELECT json_agg(c ORDER BY c.signed_on, c.id) FROM consent c WHERE c.student_id = ?1");
        parts.put("referrals", "SELECT json_agg(x ORDER BY x.created_at, x.id) FROM (SELECT r.*,"
                + " (SELECT json_agg(t ORDER BY t.at, t.id) FROM referral_transition t WHERE t.referral_id = r.id) AS history,"
                + " (SELECT json_agg(m.contact_id) FROM referral_family_member m WHERE m.referral_id = r.id) AS family_members"
                + " FROM referral r WHERE r.student_id = ?1) x");
        parts.put("disclosures", "SELECT json_agg(d ORDER BY d.disclosed_at, d.id) FROM disclosure d WHERE d.student_id = ?1");
        parts.put("accessReport", "SELECT json_agg(x ORDER BY x.occurred_at DESC) FROM (SELECT id, occurred_at, action, outcome,"
                + " actor_subject, actor_username, actor_roles, actor_client, operation, object_type, object_id, purpose, http_status"
                + " FROM audit_event WHERE student_ids @> ARRAY[CAST(?1 AS uuid)] ORDER BY occurred_at DESC LIMIT "
                + MAX_ACCESS_EVENTS + ") x");
        return parts;
    }
}
