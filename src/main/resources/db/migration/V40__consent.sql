-- FERPA 99.30 consents: signed and dated by a parent (a family contact allowed to sign) or by the
-- student at 18+, naming the data categories, the purposes and the recipient (one organization or a
-- class of parties). Revocation stops future disclosures only; the row is kept.

CREATE TABLE consent (
    id                          uuid PRIMARY KEY,
    student_id                  uuid          NOT NULL REFERENCES student (id),
    signer_contact_id           uuid REFERENCES family_contact (id),
    signed_by_student           boolean       NOT NULL DEFAULT false,
    signed_on                   date          NOT NULL,
    method                      varchar(20)   NOT NULL CHECK (method IN ('paper', 'electronic')),
    paper_scan_reference        varchar(500),
    electronic_signer_identity  varchar(500),
    -- comma-separated codes of fixed vocabularies (see ConsentVocabulary)
    data_categories             varchar(500)  NOT NULL CHECK (data_categories ~ '^[a-z-]+(,[a-z-]+)*$'),
    purposes                    varchar(500)  NOT NULL CHECK (purposes ~ '^[a-z-]+(,[a-z-]+)*$'),
    purpose_text                varchar(1000),
    recipient_organization_id   uuid REFERENCES dir_organization (id),
    recipient_class             varchar(40) CHECK (recipient_class IN ('community-providers')),
    expires_on                  date          NOT NULL,
    revoked_on                  date,
    revoked_by                  varchar(255),
    revocation_note             varchar(1000),
    created_by                  varchar(255)  NOT NULL,
    version                     bigint        NOT NULL DEFAULT 0,
    created_at                  timestamptz   NOT NULL DEFAULT now(),
    updated_at                  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT consent_one_signer CHECK ((signer_contact_id IS NULL) = signed_by_student),
    CONSTRAINT consent_one_recipient CHECK ((recipient_organization_id IS NULL) <> (recipient_class IS NULL)),
    CONSTRAINT consent_method_evidence CHECK (
        (method = 'paper' AND paper_scan_reference IS NOT NULL)
        OR (method = 'electronic' AND electronic_signer_identity IS NOT NULL)),
    CONSTRAINT consent_dates CHECK (expires_on >= signed_on),
    CONSTRAINT consent_revocation CHECK ((revoked_on IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX consent_student_idx ON consent (student_id, signed_on, id);
