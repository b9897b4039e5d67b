-- What a webhook receives: the service's JSON event (the default) or, for providers whose platforms speak
-- FHIR end to end, the same event as a FHIR R4 notification bundle (the Subscriptions R5 Backport shape).
ALTER TABLE webhook ADD COLUMN payload_format varchar(10) NOT NULL DEFAULT 'json'
    CHECK (payload_format IN ('json', 'fhir'));
