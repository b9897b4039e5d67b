-- operation: class review: save
-- Replacing a class's draft review: the enrollment check on the review date, the old entries out, one entry and
-- four domains per student in, the review's version, and the audit event; one transaction.
BEGIN;
SELECT e.student_id FROM enrollment e WHERE e.class_id = ':class'
 AND (e.begin_date IS NULL OR e.begin_date <= DATE '2026-10-05') AND (e.end_date IS NULL OR e.end_date >= DATE '2026-10-05');
SELECT id, version FROM class_review WHERE class_id = ':class' FOR UPDATE;
DELETE FROM class_review_domain WHERE entry_id IN (SELECT id FROM class_review_entry WHERE review_id = (SELECT id FROM class_review WHERE class_id = ':class'));
DELETE FROM class_review_entry WHERE review_id = (SELECT id FROM class_review WHERE class_id = ':class');
INSERT INTO class_review_entry (id, review_id, student_id, tier, interests, needs_individual_review, position, current)
 SELECT gen_random_uuid(), r.id, e.student_id, '2', 'soccer, drawing, robotics club', false, row_number() OVER (ORDER BY e.student_id) - 1, true
 FROM class_review r JOIN enrollment e ON e.class_id = r.class_id WHERE r.class_id = ':class';
INSERT INTO class_review_domain (id, entry_id, domain, strengths, needs, note)
 SELECT gen_random_uuid(), x.id, d.domain, 'empathy', 'reading', 'Observed with the teacher.'
 FROM class_review_entry x JOIN class_review r ON r.id = x.review_id,
 (VALUES ('academic'), ('social-emotional'), ('health'), ('family')) d (domain) WHERE r.class_id = ':class';
UPDATE class_review SET version = version + 1, updated_at = now() WHERE class_id = ':class';
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, actor_district, operation, object_type, object_id, student_ids, http_status)
 VALUES (gen_random_uuid(), now(), 'update', 'success', 'load', 'coord.elm', 'coordinator', 'student-support-web', 'dst-riverton',
 'PUT /api/v1/classes/{classId}/reviews/{periodId}', 'class-review', ':class', ARRAY(SELECT student_id FROM enrollment WHERE class_id = ':class'), 200);
COMMIT;
