-- Issue 6: receipt tokens, the dispatch workflow with its time stamps, attachments, and Idempotency-Key
-- records. Expand only: every new column is nullable, so the previous version keeps running beside this one.

-- The reporter follows their report with a receipt token; only its SHA-256 is kept. Null for reports that
-- did not come through the API (demo data).
ALTER TABLE emergency_report
    ADD COLUMN receipt_token_hash bytea CHECK (receipt_token_hash IS NULL OR length(receipt_token_hash) = 32),
    ADD COLUMN acknowledged_at    timestamptz,
    ADD COLUMN acknowledged_by    varchar(100),
    ADD COLUMN dispatched_at      timestamptz,
    ADD COLUMN assigned_unit      varchar(100),
    ADD COLUMN closed_at          timestamptz,
    ADD COLUMN outcome            varchar(20)
        CHECK (outcome IN ('RESOLVED', 'TRANSPORTED', 'REFERRED', 'DUPLICATE', 'FALSE_ALARM'));

-- Every step a dispatcher takes, time-stamped, in order (처리 이력). Append-only.
CREATE TABLE report_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id   uuid         NOT NULL REFERENCES emergency_report (id),
    kind        varchar(20)  NOT NULL
        CHECK (kind IN ('RECEIVED', 'ACKNOWLEDGED', 'UNIT_ASSIGNED', 'NOTE', 'CLOSED', 'ATTACHMENT_ADDED')),
    at          timestamptz  NOT NULL,
    actor       varchar(100),                 -- the dispatcher's user name; null for the reporter
    detail      text CHECK (char_length(detail) <= 2000)
);
CREATE INDEX report_event_report_idx ON report_event (report_id, at);

-- Photos and short videos (사진·영상). In the database, in the report's transaction: acceptance is all or
-- nothing and survives a crash of the process. The type is what the bytes are, never what the client said.
CREATE TABLE report_attachment (
    id          uuid         PRIMARY KEY,
    report_id   uuid         NOT NULL REFERENCES emergency_report (id),
    media_type  varchar(40)  NOT NULL
        CHECK (media_type IN ('image/jpeg', 'image/png', 'image/heic', 'video/mp4', 'video/quicktime')),
    size_bytes  bigint       NOT NULL CHECK (size_bytes > 0),
    sha256      bytea        NOT NULL CHECK (length(sha256) = 32),
    content     bytea        NOT NULL,
    received_at timestamptz  NOT NULL,
    CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX report_attachment_report_idx ON report_attachment (report_id, received_at);

-- Idempotency-Key records: copied verbatim from portal-common (kr/civilportal/common/idempotency/idempotency_key.sql).
-- migration. One row per (caller scope, key): the first response, replayed to every repeat until expires_at.
-- The "in progress" state is a transaction-scoped advisory lock, never a row, so a crash cannot leave one stale.
CREATE TABLE idempotency_key (
    scope               varchar(200)  NOT NULL,   -- sub:<token subject> or anonymous:<endpoint>
    idempotency_key     varchar(255)  NOT NULL,
    request_fingerprint char(64)      NOT NULL,   -- hex SHA-256 of method, path and body hash
    response_status     integer       NOT NULL CHECK (response_status BETWEEN 100 AND 599),
    response_type       varchar(100),
    response_location   varchar(500),
    response_body       bytea         NOT NULL,
    created_at          timestamptz   NOT NULL,
    expires_at          timestamptz   NOT NULL,
    PRIMARY KEY (scope, idempotency_key),
    -- The draft's rule: keys are kept at least 24 hours.
    CHECK (expires_at >= created_at + interval '24 hours')
);
-- For the purge of expired keys.
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
