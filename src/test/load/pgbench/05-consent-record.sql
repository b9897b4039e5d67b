-- operation: consent: record
-- The signer is a contact of the student who may sign; the consent row; the audit event.
BEGIN;
SELECT sc.may_sign_consent FROM student_contact sc WHERE sc.student_id = ':student' AND sc.may_sign_consent;
INSERT INTO consent (id, student_id, signer_contact_id, signed_on, method, paper_scan_reference, data_categories, purposes,
 recipient_organization_id, expires_on, created_by)
 SELECT gen_random_uuid(), ':student', sc.contact_id, current_date, 'paper', 'consent-forms/load.pdf', 'identity,review-needs', 'mentoring',
 ':org', current_date + 180, 'load' FROM student_contact sc WHERE sc.student_id = ':student' AND sc.may_sign_consent LIMIT 1;
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, actor_district, operation, object_type, object_id, student_ids, http_status)
 VALUES (gen_random_uuid(), now(), 'create', 'success', 'load', 'coord.elm', 'coordinator', 'student-support-web', 'dst-riverton',
 'POST /api/v1/students/{studentId}/consents', 'consent', ':student', ARRAY[CAST(':student' AS uuid)], 201);
COMMIT;
