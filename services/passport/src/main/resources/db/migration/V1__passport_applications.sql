-- Passport applications (여권 발급 신청). The applicant is identified by the `sub` of their token; the
-- resident id (from the token's resident_id claim) links to the residency service for the identity check
-- and is not a foreign key: that table lives in another service's database.
-- The CHECK constraints repeat the Java enums so that nothing else writing here can store a value the
-- service cannot read. A later migration that adds a value widens the constraint first (expand), before
-- any code writes it.
CREATE TABLE passport_application (
    id                     uuid         PRIMARY KEY,
    applicant_subject      varchar(64)  NOT NULL,          -- token `sub` of the citizen who applied
    applicant_resident_id  uuid,                           -- token `resident_id`; null if the token has none
    kind                   varchar(10)  NOT NULL
        CONSTRAINT passport_application_kind_check CHECK (kind IN ('NEW', 'REISSUE')),   -- 신규 / 재발급
    validity               varchar(12)  NOT NULL
        CONSTRAINT passport_application_validity_check CHECK (validity IN ('TEN_YEARS', 'FIVE_YEARS')),
    pages                  integer      NOT NULL
        CONSTRAINT passport_application_pages_check CHECK (pages IN (26, 58)),             -- 26면 / 58면
    status                 varchar(24)  NOT NULL
        CONSTRAINT passport_application_status_check CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW',
            'SUPPLEMENT_REQUESTED', 'APPROVED', 'PRINTING', 'READY_FOR_PICKUP', 'ISSUED', 'REJECTED')),
    submitted_at           timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL
);

-- "My applications": a citizen's own, newest first.
CREATE INDEX passport_application_applicant_idx ON passport_application (applicant_subject, submitted_at DESC);
-- The officers' work list: by status, oldest or newest first.
CREATE INDEX passport_application_status_idx ON passport_application (status, submitted_at);
-- The officers' list without a status filter, newest first.
CREATE INDEX passport_application_submitted_idx ON passport_application (submitted_at);
