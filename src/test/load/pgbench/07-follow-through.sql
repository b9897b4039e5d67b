-- operation: oversight: follow-through
-- ReferralFigures#followThrough over the district's schools, the last 365 days, by school (both of its statements).
-- full scan: a supervisor's follow-through aggregates every referral the district requested in a year, i.e. most
-- of the table; a sequential scan is the cheapest plan for that (HotQueryPlansBenchmark leaves this script out).
SELECT r.school_id, r.status, count(*) FROM referral r JOIN school s ON s.id = r.school_id JOIN dir_organization o ON o.id = r.organization_id
 WHERE r.school_id = ANY(ARRAY(SELECT id FROM school WHERE district_id = ':district')) AND r.requested_at IS NOT NULL AND r.requested_at >= current_date - 365 AND r.requested_at < current_date + 1
 GROUP BY 1, 2;
SELECT r.school_id, min(s.name), count(*), count(*) FILTER (WHERE r.status IN ('requested','accepted','in-progress','on-hold') AND r.follow_up_due < current_date),
 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.requested_at) / 86400),
 percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.requested_at) / 86400),
 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.requested_at) / 86400),
 count(*) FILTER (WHERE r.status IN ('completed','rejected','failed','cancelled'))
 FROM referral r JOIN school s ON s.id = r.school_id JOIN dir_organization o ON o.id = r.organization_id
 WHERE r.school_id = ANY(ARRAY(SELECT id FROM school WHERE district_id = ':district')) AND r.requested_at IS NOT NULL AND r.requested_at >= current_date - 365 AND r.requested_at < current_date + 1
 GROUP BY 1 ORDER BY 2, 1;
