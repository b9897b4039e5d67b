-- FERPA 99.32 record of disclosures, kept with the student's record for as long as it is kept.
-- Append-only: the application's role may add entries but never change or remove them.

CREATE TABLE disclosure (
    id                    uuid PRIMARY KEY,
    student_id            uuid          NOT NULL REFERENCES student (id),
    referral_id           uuid          UNIQUE REFERENCES referral (id),
    party_organization_id uuid          NOT NULL REFERENCES dir_organization (id),
    party_name            varchar(255)  NOT NULL,
    legitimate_interest   varchar(40)   NOT NULL,
    legitimate_interest_text varchar(1000),
    data_categories       varchar(500)  NOT NULL,
    basis                 varchar(40)   NOT NULL CHECK (basis IN ('consent', 'health-or-safety-emergency')),
    consent_id            uuid REFERENCES consent (id),
    threat                varchar(2000),
    parties_informed      varchar(1000),
    disclosed_at          timestamptz   NOT NULL,
    official              varchar(255)  NOT NULL,
    CONSTRAINT disclosure_basis CHECK ((basis = 'consent' AND consent_id IS NOT NULL)
        OR (basis = 'health-or-safety-emergency' AND threat IS NOT NULL AND parties_informed IS NOT NULL))
);
CREATE INDEX disclosure_student_idx ON disclosure (student_id, disclosed_at, id);
REVOKE UPDATE, DELETE, TRUNCATE ON disclosure FROM ${app_role};
