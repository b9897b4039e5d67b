-- District-scale data for the load harness, bulk-loaded with INSERT ... SELECT over generate_series.
--
--   psql -v ON_ERROR_STOP=1 -v scale=1.0 -f generate-district.sql <database>      (as a superuser)
--
-- Runs on a database the service has migrated and seeded with the demo district (dst-riverton, its
-- three schools, the demo directory and the demo users' organizations), with the service stopped.
-- Adds, at scale 1.0: 100 schools in all, 50,000 students (one homeroom each, one parent who may
-- sign consent), 2,000 classes, 2,000 organizations with 20,000 services, 200,000 referrals with
-- their consents, status histories and disclosures, and 5,000,000 audit events. Every count is
-- multiplied by the scale (0.1, 1.0, 5.0). Deterministic: ids are md5 of a name and number, and
-- every "random" choice is a hash of the row number, so two runs at one scale load the same rows
-- (times are counted back from a fixed anchor date, 2026-12-01).
--
-- Audit events are loaded as history: the stamping trigger is bypassed for them (they carry their
-- own occurred_at), they take the first place in the sealing order (txid 1, seq from the sequence),
-- and SealHistory then seals them into the chain with signed checkpoints, exactly as the sealer
-- would; so the running sealer carries on after them and verification covers them.

\set ON_ERROR_STOP 1
\timing on
SET client_min_messages = warning;

SELECT CASE WHEN :scale > 0 THEN :scale ELSE 1.0 END AS scale \gset
SELECT greatest(3, round(100 * :scale))::int    AS nschools,
       greatest(1, round(50000 * :scale))::int  AS nstudents,
       greatest(60, round(2000 * :scale))::int  AS nclasses,
       greatest(10, round(20000 * :scale))::int AS nservices,
       greatest(1, round(2000 * :scale))::int   AS norgs,
       greatest(1, round(200000 * :scale))::int AS nreferrals,
       greatest(1, round(5000000 * :scale))::bigint AS naudit \gset
SELECT :nclasses / :nschools AS perschool \gset
\echo generating: schools :nschools, students :nstudents, classes :nclasses, services :nservices, referrals :nreferrals, audit events :naudit

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM district WHERE sourced_id = 'dst-riverton') THEN
        RAISE EXCEPTION 'the demo district is missing: start the service once with DEMO_DATA=true on this database first';
    END IF;
    IF EXISTS (SELECT 1 FROM student WHERE sourced_id LIKE 'ld-%') THEN
        RAISE EXCEPTION 'this database already holds generated data';
    END IF;
    IF EXISTS (SELECT 1 FROM audit_seal) OR EXISTS (SELECT 1 FROM audit_event) THEN
        RAISE EXCEPTION 'the audit trail is not empty: generated history must come first in the sealing order';
    END IF;
END $$;

-- A uniform number in [0, 1) from a row number and a salt: the generator's only source of chance.
CREATE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT (hashint8(n * 1000003 + salt) & 2147483647)::float8 / 2147483648 $$;
CREATE FUNCTION pg_temp.gid(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
$$ SELECT md5('ld-' || kind || '-' || n)::uuid $$;

SELECT id AS district FROM district WHERE sourced_id = 'dst-riverton' \gset
SELECT id AS fall_term FROM academic_session WHERE sourced_id = 'dst-riverton-fall-2026' \gset

BEGIN;

-- Schools: the three demo schools first (their coordinators are the demo users), then generated ones.
CREATE TEMP TABLE gen_school AS
SELECT k - 1 AS k, id, sourced_id FROM (
    SELECT row_number() OVER (ORDER BY sourced_id) AS k, id, sourced_id FROM school
    WHERE sourced_id IN ('sch-elm', 'sch-harbor', 'sch-northgate')) d;
INSERT INTO school (id, sourced_id, district_id, name, identifier, street, city, region, postal_code, country, latitude, longitude)
SELECT pg_temp.gid('school', k), 'ld-sch-' || lpad(k::text, 4, '0'), :'district',
       (ARRAY['Lincoln','Washington','Jefferson','Riverside','Maple','Oak Hill','Brookside','Summit','Lakeview','Pioneer'])[1 + k % 10]
           || ' ' || (ARRAY['Elementary School','Middle School','High School'])[1 + k % 3] || ' ' || k,
       lpad((1000 + k)::text, 4, '0'), (100 + k) || ' School Street', 'Riverton', 'MA', '011' || lpad((k % 100)::text, 2, '0'), 'US',
       42.0 + pg_temp.rnd(k, 1) * 0.3, -72.75 + pg_temp.rnd(k, 2) * 0.35
FROM generate_series(3, :nschools - 1) k;
INSERT INTO gen_school SELECT k, pg_temp.gid('school', k), 'ld-sch-' || lpad(k::text, 4, '0') FROM generate_series(3, :nschools - 1) k;
CREATE UNIQUE INDEX ON gen_school (k);

-- Classes: the same number per school, homerooms of the fall term, one teacher each.
INSERT INTO teacher (id, sourced_id, given_name, family_name, email)
SELECT pg_temp.gid('teacher', c), 'ld-tch-' || c, (ARRAY['Ana','Ben','Chloe','David','Elena','Farid','Grace','Hugo'])[1 + c % 8],
       'Teacher' || c, 'teacher' || c || '@riverton.example.org'
FROM generate_series(0, :nschools * :perschool - 1) c;
INSERT INTO class_section (id, sourced_id, school_id, session_id, title, class_code, course_title, grades, class_type)
SELECT pg_temp.gid('class', c), 'ld-cls-' || c, s.id, :'fall_term', 'Homeroom ' || (c % :perschool + 1) || ' (' || s.sourced_id || ')',
       'HR-' || c, 'Homeroom', lpad((1 + c % :perschool % 12)::text, 2, '0'), 'homeroom'
FROM generate_series(0, :nschools * :perschool - 1) c JOIN gen_school s ON s.k = c / :perschool;
INSERT INTO class_teacher (class_id, teacher_id, sourced_id)
SELECT pg_temp.gid('class', c), pg_temp.gid('teacher', c), 'ld-ct-' || c FROM generate_series(0, :nschools * :perschool - 1) c;

-- Students: student i is at school i % nschools, in that school's homeroom (i / nschools) % perschool.
INSERT INTO student (id, sourced_id, school_id, identifier, given_name, family_name, birth_date, grade, preferred_language, home_language)
SELECT pg_temp.gid('student', i), 'ld-stu-' || i, s.id, 'S' || lpad(i::text, 7, '0'),
       (ARRAY['Aaliyah','Bruno','Camila','Dmitri','Esperanza','Finn','Giulia','Hamza','Isabela','Jamal','Kenji','Lucia',
              'Mateo','Nadia','Omar','Priya','Quinn','Rosa','Samuel','Thao','Uma','Victor','Wen','Ximena','Yusuf','Zoe'])[1 + (i * 7) % 26],
       (ARRAY['Almeida','Brown','Chen','Diaz','Evans','Fofana','Garcia','Huang','Ibrahim','Johnson','Kim','Lopez','Martin',
              'Nguyen','Okafor','Perez','Quintero','Rossi','Smith','Tran','Usman','Vargas','Williams','Xu','Yilmaz','Zhang'])[1 + (i * 11 / 3) % 26]
           || CASE WHEN i % 5 = 0 THEN '-' || (i % 97) ELSE '' END,
       DATE '2012-09-01' + (pg_temp.rnd(i, 3) * 4000)::int, lpad((1 + (i / :nschools) % :perschool % 12)::text, 2, '0'),
       (ARRAY['en','en','en','es','pt','vi','ht','zh'])[1 + (i % 8)], (ARRAY['en','es','es','pt','vi','ht','zh','ar'])[1 + (i % 8)]
FROM generate_series(1, :nstudents) i JOIN gen_school s ON s.k = i % :nschools;
INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date)
SELECT pg_temp.gid('enrollment', i), 'ld-enr-' || i, pg_temp.gid('class', (i % :nschools) * :perschool + (i / :nschools) % :perschool),
       pg_temp.gid('student', i), DATE '2026-08-26'
FROM generate_series(1, :nstudents) i;
INSERT INTO family_contact (id, sourced_id, given_name, family_name, email, phone, preferred_language, preferred_contact_method)
SELECT pg_temp.gid('contact', i), 'ld-gdn-' || i, (ARRAY['Maria','John','Li','Fatima','Carlos','Anh','Marie','Ahmed'])[1 + i % 8],
       'Parent' || i, 'parent' || i || '@family.example.org', '+1413555' || lpad((i % 10000)::text, 4, '0'),
       (ARRAY['en','es','pt','vi'])[1 + i % 4], (ARRAY['phone','sms','email'])[1 + i % 3]
FROM generate_series(1, :nstudents) i;
INSERT INTO student_contact (student_id, contact_id, relationship, may_sign_consent)
SELECT pg_temp.gid('student', i), pg_temp.gid('contact', i), 'parent', true FROM generate_series(1, :nstudents) i;

-- Directory: organizations with one location each, services (1 in 5 inactive, some full or waitlisted)
-- under the demo taxonomy's terms, with languages, age ranges and search vectors.
CREATE TEMP TABLE gen_term AS
SELECT row_number() OVER (ORDER BY code) - 1 AS k, id, code, name FROM dir_taxonomy_term
WHERE code IN ('after-school','sports','summer-program','arts','wellness','tutoring','mentoring','social-skills','family-assistance',
               'food-assistance','counseling','family-counseling','health-screening','health-services','violence-intervention');
SELECT count(*) AS nterms FROM gen_term \gset
INSERT INTO dir_organization (id, name, description, email, website)
SELECT pg_temp.gid('org', o), (ARRAY['Riverton','Valley','Harbor','Northgate','Pioneer','Hilltop','Westside','Mill River'])[1 + o % 8]
           || ' ' || (ARRAY['Youth Services','Family Center','Community Partners','Health Alliance','Learning Network'])[1 + o % 5] || ' ' || o,
       'Community organization ' || o || ' serving children and families of the Riverton area.',
       'info@org' || o || '.example.org', 'https://org' || o || '.example.org'
FROM generate_series(0, :norgs - 1) o;
INSERT INTO dir_location (id, organization_id, location_type, name, latitude, longitude)
SELECT pg_temp.gid('location', o), pg_temp.gid('org', o), 'physical', 'Main site ' || o,
       42.0 + pg_temp.rnd(o, 4) * 0.3, -72.75 + pg_temp.rnd(o, 5) * 0.35
FROM generate_series(0, :norgs - 1) o;
INSERT INTO dir_service (id, organization_id, name, description, status, accepts_referrals, capacity_status, minimum_age, maximum_age)
SELECT pg_temp.gid('service', j), pg_temp.gid('org', j % :norgs),
       (ARRAY['Neighborhood','Community','Family','Youth','Riverside','Downtown','Northside','Hillside'])[1 + j % 8] || ' ' || t.name,
       (ARRAY['Free weekly sessions for children and teens','Small groups led by trained staff and volunteers',
              'Bilingual staff help families find the right support','Drop-in hours after school and on weekends',
              'Licensed professionals work with students and parents'])[1 + (j * 7) % 5] || ', focused on ' || lower(t.name) || '.',
       CASE WHEN j % 5 = 4 THEN 'inactive' ELSE 'active' END, true,
       (ARRAY['accepting','accepting','accepting','waitlist','full'])[1 + (j / 3) % 5],
       (ARRAY[0, 5, 8, 11, 14])[1 + j % 5], (ARRAY[0, 5, 8, 11, 14])[1 + j % 5] + (ARRAY[4, 6, 8, 10, 80])[1 + (j / 5) % 5]
FROM generate_series(0, :nservices - 1) j JOIN gen_term t ON t.k = j % :nterms;
INSERT INTO dir_service_at_location (id, service_id, location_id)
SELECT pg_temp.gid('sal', j), pg_temp.gid('service', j), pg_temp.gid('location', j % :norgs) FROM generate_series(0, :nservices - 1) j;
INSERT INTO dir_attribute (id, link_id, taxonomy_term_id)
SELECT pg_temp.gid('attr-' || n, j), pg_temp.gid('service', j), t.id
FROM generate_series(0, :nservices - 1) j, generate_series(0, 1) n
JOIN gen_term t ON true
WHERE t.k = (j + n * (1 + j % 7)) % :nterms AND (n = 0 OR j % 3 = 0);
INSERT INTO dir_language (id, service_id, code)
SELECT pg_temp.gid('lang-' || n, j), pg_temp.gid('service', j),
       CASE WHEN n = 0 THEN 'en' ELSE (ARRAY['es','pt','vi','ht','zh','ar','so'])[1 + (j / 2) % 7] END
FROM generate_series(0, :nservices - 1) j, generate_series(0, 1) n WHERE n = 0 OR j % 2 = 0;
SELECT dir_refresh_search(ARRAY(SELECT pg_temp.gid('service', j) FROM generate_series(0, :nservices - 1) j));

-- Referrals. One in five goes to a service of the two demo providers (provider.mentoring,
-- provider.counseling), and half of those wait in "requested", so that providers have a queue.
CREATE TEMP TABLE gen_demo_service AS
SELECT row_number() OVER (ORDER BY s.id) - 1 AS k, s.id, s.organization_id,
       CASE WHEN s.organization_id = '3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01' THEN 'mentoring' ELSE 'counseling' END AS purpose
FROM dir_service s WHERE s.organization_id IN ('3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01', '3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b02');
SELECT count(*) AS ndemo FROM gen_demo_service \gset

CREATE TEMP TABLE gen_referral AS
SELECT r, st, sch.id AS school_id, sch.sourced_id AS school_sourced,
       coalesce(d.id, pg_temp.gid('service', sv)) AS service_id,
       coalesce(d.organization_id, pg_temp.gid('org', sv % :norgs)) AS organization_id,
       coalesce(d.purpose, (ARRAY['tutoring','mentoring','counseling','health-services','family-support','enrichment','crisis-intervention'])[1 + r % 7]) AS purpose,
       CASE WHEN demo THEN
                CASE WHEN u < 0.50 THEN 'requested' WHEN u < 0.60 THEN 'accepted' WHEN u < 0.75 THEN 'in-progress'
                     WHEN u < 0.90 THEN 'completed' WHEN u < 0.95 THEN 'rejected' ELSE 'cancelled' END
            ELSE CASE WHEN u < 0.05 THEN 'draft' WHEN u < 0.20 THEN 'requested' WHEN u < 0.30 THEN 'accepted'
                     WHEN u < 0.52 THEN 'in-progress' WHEN u < 0.55 THEN 'on-hold' WHEN u < 0.83 THEN 'completed'
                     WHEN u < 0.88 THEN 'rejected' WHEN u < 0.92 THEN 'failed' ELSE 'cancelled' END END AS status,
       TIMESTAMPTZ '2026-12-01 00:00:00+00' - make_interval(secs => (pg_temp.rnd(r, 8) * 365 * 86400)::int) AS created_at,
       (ARRAY['coord-a','coord-b','coord-c','coord-d','coord-e'])[1 + r % 5] AS author
FROM (SELECT r, 1 + floor(pg_temp.rnd(r, 6) * :nstudents)::int AS st, pg_temp.rnd(r, 7) < 0.2 AS demo,
             floor(pg_temp.rnd(r, 9) * :nservices)::int AS sv, pg_temp.rnd(r, 10) AS u
      FROM generate_series(1, :nreferrals) r) x
JOIN gen_school sch ON sch.k = x.st % :nschools
LEFT JOIN gen_demo_service d ON x.demo AND d.k = x.sv % :ndemo;
CREATE UNIQUE INDEX ON gen_referral (r);

INSERT INTO consent (id, student_id, signer_contact_id, signed_on, method, paper_scan_reference, data_categories, purposes,
                     recipient_class, expires_on, created_by, created_at)
SELECT pg_temp.gid('consent', r), pg_temp.gid('student', st), pg_temp.gid('contact', st), created_at::date, 'paper',
       'consent-forms/ld-' || r || '.pdf', 'identity,review-needs', purpose, 'community-providers', created_at::date + 365, author, created_at
FROM gen_referral;

INSERT INTO referral (id, student_id, school_id, service_id, organization_id, status, purpose, reason_codes, urgency, shared_categories,
                      consent_id, status_reason_code, status_reason_text, first_service_on, requested_at, accepted_at, closed_at,
                      follow_up_due, author, version, created_at, updated_at, last_disclosed_at)
SELECT pg_temp.gid('referral', r), pg_temp.gid('student', st), school_id, service_id, organization_id, status, purpose,
       (ARRAY['reading','math','attendance','anxiety','behavior','peer-relationships','housing','food-security','mental-health','engagement'])[1 + r % 10],
       (ARRAY['routine','routine','routine','soon','urgent'])[1 + r % 5], 'identity,review-needs', pg_temp.gid('consent', r),
       CASE status WHEN 'completed' THEN (ARRAY['goals-met','partially-met','not-met'])[1 + r % 3]
                   WHEN 'rejected' THEN (ARRAY['no-capacity','not-eligible','out-of-service-area'])[1 + r % 3]
                   WHEN 'failed' THEN (ARRAY['family-declined','unable-to-contact','no-longer-needed'])[1 + r % 3] END,
       CASE status WHEN 'on-hold' THEN 'Family asked to pause until after the holidays'
                   WHEN 'cancelled' THEN 'Need met by a school-based support' END,
       CASE WHEN status IN ('in-progress', 'on-hold', 'completed') THEN (created_at + interval '8 days')::date END,
       CASE WHEN status <> 'draft' THEN created_at + interval '1 day' END,
       CASE WHEN status IN ('accepted', 'in-progress', 'on-hold', 'completed', 'failed') THEN created_at + interval '3 days' END,
       CASE WHEN status IN ('completed', 'rejected', 'failed', 'cancelled') THEN created_at + interval '40 days' END,
       CASE WHEN status IN ('requested', 'accepted', 'in-progress', 'on-hold') THEN (created_at + interval '15 days')::date END,
       author,
       CASE status WHEN 'draft' THEN 0 WHEN 'requested' THEN 1 WHEN 'accepted' THEN 2 WHEN 'rejected' THEN 2 WHEN 'cancelled' THEN 2
                   WHEN 'in-progress' THEN 3 WHEN 'failed' THEN 3 ELSE 4 END,
       created_at, created_at + interval '40 days',
       CASE WHEN status <> 'draft' THEN created_at + interval '1 day' END
FROM gen_referral;

-- The status history: draft -> requested (school) -> accepted -> in-progress -> completed | on-hold (provider);
-- requested -> rejected (provider) or cancelled (school); accepted -> failed (provider).
INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor, actor_side, at, reason_code, reason_text, first_service_on)
SELECT pg_temp.gid('transition-' || step.n, g.r), pg_temp.gid('referral', g.r), step.from_status, step.to_status,
       CASE step.side WHEN 'school' THEN g.author ELSE 'provider-' || (g.r % 7) END, step.side, g.created_at + step.after,
       CASE WHEN step.to_status IN ('completed', 'rejected', 'failed') THEN
           CASE step.to_status WHEN 'completed' THEN (ARRAY['goals-met','partially-met','not-met'])[1 + g.r % 3]
                               WHEN 'rejected' THEN (ARRAY['no-capacity','not-eligible','out-of-service-area'])[1 + g.r % 3]
                               ELSE (ARRAY['family-declined','unable-to-contact','no-longer-needed'])[1 + g.r % 3] END END,
       CASE step.to_status WHEN 'on-hold' THEN 'Family asked to pause until after the holidays'
                           WHEN 'cancelled' THEN 'Need met by a school-based support' END,
       CASE WHEN step.to_status = 'in-progress' THEN (g.created_at + interval '8 days')::date END
FROM gen_referral g
JOIN LATERAL (VALUES
    (1, 'draft', 'requested', 'school', interval '1 day', ARRAY['requested','accepted','in-progress','on-hold','completed','rejected','failed','cancelled']),
    (2, 'requested', 'accepted', 'provider', interval '3 days', ARRAY['accepted','in-progress','on-hold','completed','failed']),
    (3, 'accepted', 'in-progress', 'provider', interval '8 days', ARRAY['in-progress','on-hold','completed']),
    (4, 'in-progress', 'completed', 'provider', interval '40 days', ARRAY['completed']),
    (4, 'in-progress', 'on-hold', 'provider', interval '20 days', ARRAY['on-hold']),
    (2, 'requested', 'rejected', 'provider', interval '40 days', ARRAY['rejected']),
    (2, 'requested', 'cancelled', 'school', interval '40 days', ARRAY['cancelled']),
    (3, 'accepted', 'failed', 'provider', interval '40 days', ARRAY['failed'])
) AS step (n, from_status, to_status, side, after, reached_by) ON g.status = ANY (step.reached_by);

INSERT INTO disclosure (id, student_id, referral_id, party_organization_id, party_name, legitimate_interest, data_categories, basis,
                        consent_id, disclosed_at, official, snapshot, occasion)
SELECT pg_temp.gid('disclosure', g.r), pg_temp.gid('student', g.st), pg_temp.gid('referral', g.r), g.organization_id, o.name, g.purpose,
       'identity,review-needs', 'consent', pg_temp.gid('consent', g.r), g.created_at + interval '1 day', g.author,
       jsonb_build_object('identity', jsonb_build_object('givenName', 'Student', 'familyInitial', 'S'),
                          'reviewNeeds', jsonb_build_array('reading')), 'referral-sent'
FROM gen_referral g JOIN dir_organization o ON o.id = g.organization_id
WHERE g.status <> 'draft';

COMMIT;

-- Audit events as sealed history (see the top of this file): the stamping trigger is bypassed for
-- this insert only (session_replication_role), so the rows keep their own time and order.
SELECT nextval('audit_event_seq') AS seqbase \gset
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles, actor_client, actor_district,
                         actor_scope, source_address, request_id, operation, object_type, object_id, student_ids, purpose, http_status,
                         subject_district, subject_school, txid, seq)
SELECT pg_temp.gid('audit', n),
       TIMESTAMPTZ '2025-12-01 00:00:00+00' + make_interval(secs => n * (365.0 * 86400 / :naudit)),
       a.action, CASE a.action WHEN 'denied' THEN 'denied' ELSE 'success' END,
       pg_temp.gid('actor', n % 40)::text, 'user' || (n % 40), a.roles, 'student-support-web', 'dst-riverton',
       'schools=' || sch.sourced_id, '10.0.' || (n % 250) || '.' || (n % 200), 'ld-' || n, a.operation, a.object_type,
       pg_temp.gid('student', st)::text, ARRAY[pg_temp.gid('student', st)], NULL,
       CASE a.action WHEN 'denied' THEN 404 WHEN 'create' THEN 201 ELSE 200 END,
       'dst-riverton', sch.sourced_id, '1'::xid8, :seqbase + n
FROM (SELECT n, 1 + (hashint8(n) & 2147483647) % :nstudents AS st, (hashint8(n * 31 + 7) & 2147483647) % 100 AS p
      FROM generate_series(1, :naudit) n) e
JOIN gen_school sch ON sch.k = e.st % :nschools
JOIN LATERAL (SELECT * FROM (VALUES
    (0, 60, 'read', 'coordinator', 'GET /api/v1/students/{id}', 'student'),
    (60, 75, 'read', 'coordinator', 'GET /api/v1/classes/{id}/roster', 'student'),
    (75, 83, 'update', 'coordinator', 'PUT /api/v1/classes/{classId}/reviews/{periodId}', 'student'),
    (83, 89, 'create', 'coordinator', 'POST /api/v1/students/{studentId}/referrals', 'student'),
    (89, 92, 'disclose', 'coordinator', 'POST /api/v1/referrals/{id}/send', 'student'),
    (92, 97, 'transition', 'provider', 'POST /api/v1/referrals/{id}/transitions', 'student'),
    (97, 99, 'read', 'supervisor', 'GET /api/v1/oversight/referrals/overdue', 'student'),
    (99, 100, 'denied', 'coordinator', 'GET /api/v1/students/{id}', 'student')
) v (lo, hi, action, roles, operation, object_type) WHERE e.p >= v.lo AND e.p < v.hi) a ON true;
COMMIT;
SELECT setval('audit_event_seq', :seqbase + :naudit + 1, false);

ANALYZE;
