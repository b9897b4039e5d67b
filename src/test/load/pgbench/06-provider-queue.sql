-- operation: provider: queue
-- The organization's requested referrals, by follow-up due date, a page of 20 and the count.
SELECT count(*) FROM referral r WHERE r.organization_id = ':org' AND r.status = 'requested';
SELECT r.id, r.student_id, r.status, r.urgency, r.follow_up_due, r.requested_at FROM referral r
 WHERE r.organization_id = ':org' AND r.status = 'requested' ORDER BY r.follow_up_due, r.id LIMIT 20;
