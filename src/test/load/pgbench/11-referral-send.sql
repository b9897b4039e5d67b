-- operation: referral: send
-- consumes: SELECT count(*) FROM referral WHERE status = 'draft' AND consent_id IS NOT NULL
-- One draft with a consent, of any school (each client takes another one), sent by a coordinator of its school:
-- the caller's schools; the referral with its consent, signer, student, school, district, service and organization
-- under the school scope, twice (read, then locked); its family members; the signer's link to the student; the
-- disclosure; the transition; the referral's update; the queue count; the event, its deliveries and the recipients;
-- the history; the audit event.
BEGIN;
-- pick: a draft with a consent that no other client holds
SELECT id AS rid, school_id AS sid FROM referral WHERE status = 'draft' AND consent_id IS NOT NULL LIMIT 1 FOR UPDATE SKIP LOCKED \gset
SELECT s.id FROM school s JOIN district d ON d.id = s.district_id WHERE d.sourced_id = 'dst-riverton' AND s.sourced_id IN ('sch-elm');
SELECT r.*, c.*, fc.*, st.*, sch.*, d.*, s.*, o.* FROM referral r
 LEFT JOIN consent c ON c.id = r.consent_id AND c.student_id IN (SELECT x.id FROM student x WHERE x.school_id = ANY(ARRAY[CAST(':sid' AS uuid)]))
 LEFT JOIN family_contact fc ON fc.id = c.signer_contact_id
 JOIN dir_service s ON s.id = r.service_id JOIN dir_organization o ON o.id = s.organization_id
 JOIN student st ON st.id = r.student_id AND st.school_id = ANY(ARRAY[CAST(':sid' AS uuid)])
 JOIN school sch ON sch.id = st.school_id JOIN district d ON d.id = sch.district_id
 WHERE r.id = ':rid' AND r.school_id = ANY(ARRAY[CAST(':sid' AS uuid)]);
SELECT r.*, c.*, fc.*, st.*, sch.*, d.*, s.*, o.* FROM referral r
 LEFT JOIN consent c ON c.id = r.consent_id AND c.student_id IN (SELECT x.id FROM student x WHERE x.school_id = ANY(ARRAY[CAST(':sid' AS uuid)]))
 LEFT JOIN family_contact fc ON fc.id = c.signer_contact_id
 JOIN dir_service s ON s.id = r.service_id JOIN dir_organization o ON o.id = s.organization_id
 JOIN student st ON st.id = r.student_id AND st.school_id = ANY(ARRAY[CAST(':sid' AS uuid)])
 JOIN school sch ON sch.id = st.school_id JOIN district d ON d.id = sch.district_id
 WHERE r.id = ':rid' AND r.school_id = ANY(ARRAY[CAST(':sid' AS uuid)]);
SELECT * FROM referral WHERE id = ':rid' FOR NO KEY UPDATE;
SELECT referral_id, contact_id FROM referral_family_member WHERE referral_id = ':rid';
SELECT sc.student_id, sc.contact_id, sc.may_sign_consent, sc.relationship FROM student_contact sc
 JOIN family_contact c ON c.id = sc.contact_id JOIN referral r ON r.id = ':rid' JOIN consent k ON k.id = r.consent_id
 WHERE sc.student_id = r.student_id AND sc.contact_id = k.signer_contact_id ORDER BY c.family_name, sc.contact_id;
INSERT INTO disclosure (id, student_id, referral_id, party_organization_id, party_name, legitimate_interest, data_categories,
 basis, consent_id, disclosed_at, official, occasion, snapshot)
 SELECT gen_random_uuid(), r.student_id, r.id, r.organization_id, 'Load provider', 'referral', 'identity,review-needs',
 'consent', r.consent_id, now(), 'load', 'referral-sent', CAST('{"identity": {"givenName": "Load"}}' AS jsonb) FROM referral r WHERE r.id = ':rid';
INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor, actor_side, at)
 VALUES (gen_random_uuid(), ':rid', 'draft', 'requested', 'load', 'school', now());
UPDATE referral SET status = 'requested', requested_at = now(), last_disclosed_at = now(), updated_at = now(), version = version + 1 WHERE id = ':rid';
SELECT count(*) FROM referral r WHERE r.organization_id = (SELECT organization_id FROM referral WHERE id = ':rid') AND r.status = 'requested';
INSERT INTO notification_event (id, kind, referral_id, organization_id, district_id, occurred_at, dedupe_key, payload)
 SELECT gen_random_uuid(), 'referral.sent', r.id, r.organization_id, 'dst-riverton', now(), 'load-sent:' || gen_random_uuid(),
 CAST('{"status": "requested"}' AS jsonb) FROM referral r WHERE r.id = ':rid' ON CONFLICT (dedupe_key) DO NOTHING;
INSERT INTO notification_delivery (id, event_id, channel, webhook_id) SELECT gen_random_uuid(), e.id, 'webhook', w.id
 FROM webhook w, notification_event e WHERE e.referral_id = ':rid' AND w.active
 AND ((w.owner_kind = 'organization' AND w.owner_id = e.organization_id::text) OR (w.owner_kind = 'district' AND w.owner_id = 'dst-riverton'));
INSERT INTO notification_recipient (referral_id, provider_email, coordinator_email) VALUES (':rid', 'intake@example.org', 'coord@example.org')
 ON CONFLICT (referral_id) DO UPDATE SET provider_email = EXCLUDED.provider_email, coordinator_email = EXCLUDED.coordinator_email;
SELECT id, from_status, to_status, actor, actor_side, at, reason_code, reason_text, first_service_on, note FROM referral_transition
 WHERE referral_id = ':rid' ORDER BY at, id LIMIT 200;
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, actor_district, operation, object_type, object_id, student_ids, http_status)
 SELECT gen_random_uuid(), now(), 'disclose', 'success', 'load', 'coord.elm', 'coordinator', 'student-support-web', 'dst-riverton',
 'POST /api/v1/referrals/{id}/send', 'referral', ':rid', ARRAY[r.student_id], 200 FROM referral r WHERE r.id = ':rid';
COMMIT;
