-- 119 store-and-forward (신고 임시 보관 후 전달): a report the gateway could not deliver because no replica of
-- emergency-report answered. One committed row per report BEFORE the reporter gets a 202; the forwarder sends
-- it on with the same Idempotency-Key once the service is back. Rows are never deleted: a delivered row keeps
-- the service's answer (the reporter's link shows it), a permanently refused one waits for a person.
CREATE TABLE held_report (
    id               uuid         PRIMARY KEY,
    -- SHA-256 of the follow token given to the reporter (the token itself is never stored).
    token_hash       bytea        NOT NULL,
    received_at      timestamptz  NOT NULL,
    -- The reporter's key, or one the gateway made up (key_generated) so that every attempt is idempotent.
    idempotency_key  varchar(255) NOT NULL,
    key_generated    boolean      NOT NULL,
    content_type     varchar(500) NOT NULL,
    -- AES-256-GCM ciphertext of the raw request bytes (JSON or multipart: phone, location, photos). Emptied
    -- once the service has the report, so the personal data lives in one place only.
    body             bytea,
    body_bytes       bigint       NOT NULL,
    -- Encrypted too: the reporter's address, passed on as X-Forwarded-For.
    client_address   bytea,
    -- The Host the reporter used, so links the service builds point at the gateway.
    forwarded_host   varchar(300),
    state            varchar(16)  NOT NULL CHECK (state IN ('HELD', 'DELIVERED', 'FAILED')),
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    last_error       varchar(500),
    delivered_at     timestamptz,
    service_status   integer,
    service_location varchar(1000),
    -- Encrypted: the service's answer, which holds the reporter's receipt token.
    service_body     bytea
);

-- The forwarder's scan: held reports, oldest first.
CREATE INDEX held_report_due ON held_report (received_at, id) WHERE state = 'HELD';
