-- The applicant's identity check against residency (본인 확인). Expand only, so the previous version keeps
-- running beside this one during a rolling update: new columns are nullable or have a default (rows the
-- previous version inserts start PENDING and the background job checks them); the history gains a nullable
-- column (null on status steps, the outcome on identity-check steps).
ALTER TABLE passport_application
    ADD COLUMN identity_check varchar(24) NOT NULL DEFAULT 'PENDING'
        CONSTRAINT passport_application_identity_check_check CHECK (identity_check IN ('PENDING', 'VERIFIED',
            'NEEDS_OFFICER', 'CONFIRMED_BY_OFFICER', 'REFUTED_BY_OFFICER')),
    ADD COLUMN identity_attempts integer NOT NULL DEFAULT 0,          -- failed calls to residency so far
    ADD COLUMN identity_next_attempt_at timestamptz,                  -- null: due now
    ADD COLUMN identity_checked_at timestamptz,                       -- when it was settled
    ADD COLUMN applicant_birth_date date;                             -- from residency, for the age rules

-- The background job's work list: pending checks by due time (partial: settled rows are never scanned).
CREATE INDEX passport_application_identity_due_idx ON passport_application (identity_next_attempt_at)
    WHERE identity_check = 'PENDING';

ALTER TABLE passport_status_change
    ADD COLUMN identity_check varchar(24);
