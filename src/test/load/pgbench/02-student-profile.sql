-- operation: student profile
-- The student, their classes, family contacts and referrals (the profile's support sources), and the audit event.
SELECT * FROM student WHERE id = ':student';
SELECT c.id, c.title FROM enrollment e JOIN class_section c ON c.id = e.class_id WHERE e.student_id = ':student';
SELECT f.id, f.given_name, f.family_name, sc.relationship FROM student_contact sc JOIN family_contact f ON f.id = sc.contact_id WHERE sc.student_id = ':student';
SELECT r.id, r.status, r.service_id FROM referral r WHERE r.student_id = ':student' ORDER BY r.created_at, r.id;
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, actor_district, operation, object_type, object_id, student_ids, http_status)
 VALUES (gen_random_uuid(), now(), 'read', 'success', 'load', 'coord.elm', 'coordinator', 'student-support-web', 'dst-riverton',
 'GET /api/v1/students/{id}', 'student', ':student', ARRAY[CAST(':student' AS uuid)], 200);
