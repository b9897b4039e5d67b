-- Services received: every support a student gets, in one read-only view over the rows the referral,
-- plan and directory features own (nothing is copied, so it is never stale):
--   * community: a referral that started (reached in-progress), whatever came after it — still
--     running, on hold, completed, or ended early;
--   * school: a planned support that names no directory service and did not become a referral (a
--     support the school gives itself), from the day it was added to its plan.
-- Each carries its category (prevention-enrichment, early-intervention or intensive) and need codes.

-- The category of a directory service: the top term of the service's taxonomy terms among the three
-- categories of the connect-and-refer model (the demo taxonomy's roots); the most intensive when its
-- terms lie under several; null when none does (another taxonomy, or no terms).
CREATE FUNCTION dir_service_category(service uuid) RETURNS varchar LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up (id, parent_id, code, depth) AS (
        SELECT t.id, t.parent_id, t.code, 0
        FROM dir_attribute a JOIN dir_taxonomy_term t ON t.id = a.taxonomy_term_id
        WHERE a.link_id = service
        UNION ALL
        SELECT p.id, p.parent_id, p.code, u.depth + 1
        FROM up u JOIN dir_taxonomy_term p ON p.id = u.parent_id
        WHERE u.depth < 20
    )
    SELECT code FROM up WHERE code IN ('intensive', 'early-intervention', 'prevention-enrichment')
    ORDER BY CASE code WHEN 'intensive' THEN 0 WHEN 'early-intervention' THEN 1 ELSE 2 END
    LIMIT 1
$$;

CREATE VIEW service_received AS
SELECT r.id                                               AS id,
       'community'                                        AS kind,
       r.student_id                                       AS student_id,
       r.school_id                                        AS school_id,
       -- the plan's word when the referral came from a planned support, else the service's taxonomy
       coalesce((SELECT s.category FROM isr_support s WHERE s.referral_id = r.id), dir_service_category(r.service_id))
                                                          AS category,
       r.reason_codes                                     AS need_codes,
       ds.name                                            AS name,
       r.service_id                                       AS service_id,
       r.organization_id                                  AS organization_id,
       o.name                                             AS organization_name,
       r.id                                               AS referral_id,
       (SELECT s.review_id FROM isr_support s WHERE s.referral_id = r.id)
                                                          AS individual_review_id,
       r.status                                           AS status,
       coalesce(r.first_service_on,
                (SELECT CAST(min(t.at) AT TIME ZONE 'UTC' AS date) FROM referral_transition t
                 WHERE t.referral_id = r.id AND t.to_status = 'in-progress'))
                                                          AS started_on,
       CAST(r.closed_at AT TIME ZONE 'UTC' AS date)       AS ended_on
FROM referral r
JOIN dir_service ds ON ds.id = r.service_id
JOIN dir_organization o ON o.id = r.organization_id
WHERE r.first_service_on IS NOT NULL
   OR EXISTS (SELECT 1 FROM referral_transition t WHERE t.referral_id = r.id AND t.to_status = 'in-progress')
UNION ALL
SELECT s.id,
       'school',
       ir.student_id,
       st.school_id,
       s.category,
       s.need_codes,
       s.description,
       NULL,
       NULL,
       NULL,
       NULL,
       ir.id,
       ir.status,
       CAST(s.created_at AT TIME ZONE 'UTC' AS date),
       CAST(ir.closed_at AT TIME ZONE 'UTC' AS date)
FROM isr_support s
JOIN individual_review ir ON ir.id = s.review_id
JOIN student st ON st.id = ir.student_id
WHERE s.referral_id IS NULL AND s.directory_service_id IS NULL;

-- the transitions into in-progress, found by referral for the view's filter
CREATE INDEX referral_transition_started_idx ON referral_transition (referral_id) WHERE to_status = 'in-progress';
-- a student's school-based supports, through their plans
CREATE INDEX isr_support_school_based_idx ON isr_support (review_id) WHERE referral_id IS NULL AND directory_service_id IS NULL;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON service_received FROM ${app_role};
