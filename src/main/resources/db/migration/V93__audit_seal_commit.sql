-- The last chain position a sealing run committed. Positions come from a sequence, which a sealing run that
-- does not commit (the service killed, the database stopped during it) has still moved on: those positions
-- were never sealed, and the chain would show them as missing seals. The sealer uses them again when this row
-- says that no run committed past the chain's end. When the chain ends before it, committed seals were
-- deleted: the gap stays, for verification to report.
CREATE TABLE audit_seal_commit (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    committed_to bigint  NOT NULL
);
INSERT INTO audit_seal_commit (committed_to) SELECT COALESCE(max(position), 0) FROM audit_seal;
REVOKE DELETE, TRUNCATE ON audit_seal_commit FROM ${app_role};
