-- The sandbox provider's state: payments, their refunds, and the outbox of webhook events written in the same
-- transaction as each change. No card number, expiry or CVC is ever stored: only brand + last four (card_summary).

CREATE TABLE payment (
    id               varchar(40)  PRIMARY KEY,
    -- The caller's Idempotency-Key of the create: the same key with the same body answers this payment again.
    idempotency_key  varchar(200) NOT NULL UNIQUE,
    amount           bigint       NOT NULL CHECK (amount > 0),
    currency         varchar(3)   NOT NULL,
    reference        varchar(64)  NOT NULL,
    description      varchar(100) NOT NULL,
    return_url       varchar(2000) NOT NULL,
    state            varchar(16)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    paid_at          timestamptz,
    approval_number  varchar(8),
    card_summary     varchar(40),
    ended_at         timestamptz,
    refunded_amount  bigint       NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
-- The expiry job reads open payments by their deadline.
CREATE INDEX payment_open_by_expiry ON payment (expires_at) WHERE state = 'CREATED';

CREATE TABLE refund (
    id               varchar(40)  PRIMARY KEY,
    payment_id       varchar(40)  NOT NULL REFERENCES payment (id),
    idempotency_key  varchar(200) NOT NULL,
    amount           bigint       NOT NULL CHECK (amount > 0),
    reason           varchar(200),
    state            varchar(16)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    UNIQUE (payment_id, idempotency_key)
);

CREATE TABLE webhook_event (
    id               varchar(40)  PRIMARY KEY,
    payment_id       varchar(40)  NOT NULL REFERENCES payment (id),
    type             varchar(40)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    -- The exact JSON sent on every attempt (signed as is), frozen when the change happened.
    body             text         NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    parked_at        timestamptz
);
-- The delivery job claims due, undelivered, not parked events.
CREATE INDEX webhook_event_due ON webhook_event (next_attempt_at) WHERE delivered_at IS NULL AND parked_at IS NULL;
CREATE INDEX webhook_event_by_payment ON webhook_event (payment_id, created_at);
