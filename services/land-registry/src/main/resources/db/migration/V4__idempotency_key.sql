-- Expand only: a new table. Idempotency-Key records of every write (extracts, owner changes), copied verbatim
-- from portal-common (kr/civilportal/common/idempotency/idempotency_key.sql).
-- Idempotency-Key records (kr.civilportal.common.idempotency). Copy verbatim into the service's own Flyway
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
