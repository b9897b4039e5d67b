-- The student profile lists a student's referrals open first, then by follow-up date, newest first, at most
-- 200: this index gives them in exactly that order, so the limit is taken without reading the student's
-- whole history. The status list is ReferralStatus.OPEN (the entity's formula uses the same expression; a
-- test checks both against the workflow).
CREATE INDEX referral_student_open_idx ON referral
    (student_id, (status IN ('draft', 'requested', 'accepted', 'in-progress', 'on-hold')) DESC, follow_up_due, created_at DESC, id);
