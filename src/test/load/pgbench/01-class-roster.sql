-- operation: class roster
-- The class, its enrolled students by name, and the audit event of the read.
SELECT c.id, c.title, c.school_id FROM class_section c WHERE c.id = ':class';
SELECT st.id, st.given_name, st.family_name, st.grade, e.begin_date, e.end_date FROM enrollment e JOIN student st ON st.id = e.student_id
 WHERE e.class_id = ':class' ORDER BY st.family_name, st.given_name, st.id;
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, actor_district, operation, object_type, object_id, student_ids, http_status)
 SELECT gen_random_uuid(), now(), 'read', 'success', 'load', 'coord.elm', 'coordinator', 'student-support-web', 'dst-riverton',
 'GET /api/v1/classes/{id}/roster', 'class', ':class', ARRAY(SELECT student_id FROM enrollment WHERE class_id = ':class'), 200;
