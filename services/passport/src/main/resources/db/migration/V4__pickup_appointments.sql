-- Pickup appointments (여권 교부 예약): offices, their daily slots with a fixed capacity, and at most one
-- booking per application. Expand only: new tables.
CREATE TABLE pickup_office (
    id       varchar(20)   PRIMARY KEY,
    name     varchar(100)  NOT NULL,
    address  varchar(200)  NOT NULL
);

-- `booked` is kept next to `capacity` so that taking a place is one atomic conditional UPDATE
-- (booked = booked + 1 WHERE booked < capacity); the CHECK is the backstop no writer can get past.
CREATE TABLE pickup_slot (
    id         uuid         PRIMARY KEY,
    office_id  varchar(20)  NOT NULL REFERENCES pickup_office (id),
    starts_at  timestamptz  NOT NULL,
    capacity   integer      NOT NULL CHECK (capacity > 0),
    booked     integer      NOT NULL DEFAULT 0,
    CONSTRAINT pickup_slot_booked_check CHECK (booked >= 0 AND booked <= capacity),
    CONSTRAINT pickup_slot_office_start_key UNIQUE (office_id, starts_at)
);

CREATE TABLE pickup_booking (
    application_id  uuid         PRIMARY KEY REFERENCES passport_application (id),
    slot_id         uuid         NOT NULL REFERENCES pickup_slot (id),
    booked_at       timestamptz  NOT NULL
);
CREATE INDEX pickup_booking_slot_idx ON pickup_booking (slot_id);

-- Idempotency-Key records: copied verbatim from portal-common (kr/civilportal/common/idempotency/idempotency_key.sql).
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
