-- operation: provider: accept
-- consumes: SELECT count(*) FROM referral WHERE organization_id = ':org' AND status = 'requested'
-- One requested referral of the organization (each client takes another one): the referral with its consent,
-- signer, student, school, district, service and organization under the provider's scope; the transition; the
-- referral's update; the queue count for the notification; the event and its deliveries; the recipients; the
-- disclosure shown in the answer; the audit event.
BEGIN;
-- pick: a requested referral no other client holds
SELECT id AS rid FROM referral WHERE organization_id = ':org' AND status = 'requested' LIMIT 1 FOR UPDATE SKIP LOCKED \gset
SELECT r.*, c.*, fc.*, st.*, sch.*, d.*, s.*, o.* FROM referral r
 LEFT JOIN consent c ON c.id = r.consent_id AND EXISTS (SELECT 1 FROM referral x WHERE x.consent_id = c.id
   AND x.organization_id = ':org' AND x.requested_at IS NOT NULL)
 LEFT JOIN family_contact fc ON fc.id = c.signer_contact_id
 JOIN dir_service s ON s.id = r.service_id JOIN dir_organization o ON o.id = s.organization_id
 JOIN student st ON st.id = r.student_id AND EXISTS (SELECT 1 FROM referral x WHERE x.student_id = st.id
   AND x.organization_id = ':org' AND x.requested_at IS NOT NULL)
 JOIN school sch ON sch.id = st.school_id JOIN district d ON d.id = sch.district_id
 WHERE r.id = ':rid' AND r.organization_id = ':org' AND r.requested_at IS NOT NULL;
INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor, actor_side, at)
 VALUES (gen_random_uuid(), ':rid', 'requested', 'accepted', 'load', 'provider', now());
UPDATE referral SET status = 'accepted', accepted_at = now(), updated_at = now(), version = version + 1 WHERE id = ':rid';
SELECT count(*) FROM referral WHERE organization_id = ':org' AND status = 'requested';
INSERT INTO notification_event (id, kind, referral_id, organization_id, district_id, occurred_at, dedupe_key, payload)
 VALUES (gen_random_uuid(), 'referral.accepted', ':rid', ':org', 'dst-riverton', now(), 'load-accepted:' || gen_random_uuid(),
 CAST('{"referralId": ":rid", "status": "accepted"}' AS jsonb)) ON CONFLICT (dedupe_key) DO NOTHING;
INSERT INTO notification_delivery (id, event_id, channel, webhook_id) SELECT gen_random_uuid(), e.id, 'webhook', w.id
 FROM webhook w, notification_event e WHERE e.referral_id = ':rid' AND w.active
 AND ((w.owner_kind = 'organization' AND w.owner_id = ':org') OR (w.owner_kind = 'district' AND w.owner_id = 'dst-riverton'));
SELECT provider_email, coordinator_email FROM notification_recipient WHERE referral_id = ':rid';
SELECT d.* FROM disclosure d WHERE d.party_organization_id = ':org' AND d.referral_id = ':rid' ORDER BY d.disclosed_at DESC, d.id DESC LIMIT 20;
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, operation, object_type, object_id, student_ids, http_status)
 SELECT gen_random_uuid(), now(), 'transition', 'success', 'load', 'provider.mentoring', 'provider', 'student-support-web',
 'POST /api/v1/referrals/{id}/transitions', 'referral', ':rid', ARRAY[r.student_id], 200 FROM referral r WHERE r.id = ':rid';
COMMIT;
