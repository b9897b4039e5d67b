-- What was disclosed is kept with the entry (FERPA 99.32(a)(1)): a JSON document with exactly the
-- fields of the shared data categories, written once with the entry and never changed (the table
-- stays append-only for the application's role). A referral may disclose more than once: when it is
-- sent, and each time the school shares an update under a basis that still holds.

ALTER TABLE disclosure DROP CONSTRAINT disclosure_referral_id_key;
ALTER TABLE disclosure
    ADD COLUMN snapshot jsonb,
    ADD COLUMN occasion varchar(20) NOT NULL DEFAULT 'referral-sent'
        CHECK (occasion IN ('referral-sent', 'update-shared')),
    ADD COLUMN note     varchar(2000);
-- Entries written before snapshots were kept have none; every new entry must have one.
ALTER TABLE disclosure ADD CONSTRAINT disclosure_snapshot_kept
    CHECK (snapshot IS NOT NULL AND jsonb_typeof(snapshot) = 'object') NOT VALID;
CREATE INDEX disclosure_referral_idx ON disclosure (referral_id, disclosed_at, id);

-- When the referral last disclosed data (sending or a shared update).
ALTER TABLE referral ADD COLUMN last_disclosed_at timestamptz;
UPDATE referral SET last_disclosed_at = requested_at;

-- The history names only statuses of the workflow (referral.ReferralStatus).
ALTER TABLE referral_transition
    ADD CONSTRAINT referral_transition_from_status_check CHECK (from_status IN ('draft', 'requested', 'accepted',
        'rejected', 'in-progress', 'on-hold', 'completed', 'failed', 'cancelled', 'entered-in-error')),
    ADD CONSTRAINT referral_transition_to_status_check CHECK (to_status IN ('draft', 'requested', 'accepted',
        'rejected', 'in-progress', 'on-hold', 'completed', 'failed', 'cancelled', 'entered-in-error'));
