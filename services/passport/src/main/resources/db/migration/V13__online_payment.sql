-- 수수료 온라인 결제 (issue 21): an application may have its fee paid online through a payment provider (PG) before
-- it is received. Expand only, so the previous version keeps running beside this one during a rolling update: the
-- status CHECK is widened, the new column has a default (rows the previous version inserts are paid at the counter,
-- which is what that version does), the rest are new tables. The previous version cannot read an AWAITING_PAYMENT
-- row (unknown enum value): ONLINE applications should be offered only once every replica runs this version.
ALTER TABLE passport_application DROP CONSTRAINT passport_application_status_check;
ALTER TABLE passport_application ADD CONSTRAINT passport_application_status_check CHECK (status IN (
    'AWAITING_PAYMENT', 'SUBMITTED', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED', 'PRINTING',
    'READY_FOR_PICKUP', 'ISSUED', 'REJECTED'));
ALTER TABLE passport_application ADD COLUMN payment_method varchar(10) NOT NULL DEFAULT 'AT_COUNTER'
    CONSTRAINT passport_application_payment_method_check CHECK (payment_method IN ('ONLINE', 'AT_COUNTER'));
-- Only an application paid online waits for its payment.
ALTER TABLE passport_application ADD CONSTRAINT passport_application_awaiting_is_online
    CHECK (status <> 'AWAITING_PAYMENT' OR payment_method = 'ONLINE');

-- One payment at the provider per row: the portal never sees card data, only the provider's payment id, the amount,
-- the approval number (승인번호) and a masked card summary (brand + last four). A payment record is a receipt
-- (영수증): it is never deleted, its amount, provider id and application never change, and once PAID it stays so.
CREATE TABLE passport_payment (
    id                   uuid          PRIMARY KEY,
    application_id       uuid          NOT NULL REFERENCES passport_application (id),
    attempt              integer       NOT NULL CHECK (attempt >= 1),   -- n of the provider key passport-<id>-<n>
    provider_payment_id  varchar(64)   NOT NULL UNIQUE,
    state                varchar(12)   NOT NULL
        CONSTRAINT passport_payment_state_check CHECK (state IN ('CREATED', 'PAID', 'CANCELLED', 'EXPIRED')),
    amount_krw           integer       NOT NULL CHECK (amount_krw > 0),
    next_url             varchar(500)  NOT NULL,
    created_at           timestamptz   NOT NULL,
    expires_at           timestamptz   NOT NULL,
    paid_at              timestamptz,
    approval_number      varchar(16),
    card_summary         varchar(40),
    CONSTRAINT passport_payment_attempt_key UNIQUE (application_id, attempt),
    CONSTRAINT passport_payment_paid_check CHECK ((state = 'PAID') = (paid_at IS NOT NULL))
);
CREATE INDEX passport_payment_application_idx ON passport_payment (application_id, created_at);

CREATE FUNCTION passport_payment_receipt_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'passport_payment rows are receipts and are never deleted';
    END IF;
    IF NEW.application_id <> OLD.application_id OR NEW.provider_payment_id <> OLD.provider_payment_id
            OR NEW.amount_krw <> OLD.amount_krw OR NEW.attempt <> OLD.attempt THEN
        RAISE EXCEPTION 'a payment''s application, provider id, attempt and amount never change';
    END IF;
    IF OLD.state = 'PAID' AND (NEW.state <> 'PAID' OR NEW.paid_at <> OLD.paid_at
            OR NEW.approval_number IS DISTINCT FROM OLD.approval_number) THEN
        RAISE EXCEPTION 'a paid payment stays paid as it was';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER passport_payment_receipt_kept BEFORE UPDATE OR DELETE ON passport_payment
    FOR EACH ROW EXECUTE FUNCTION passport_payment_receipt_kept();
CREATE FUNCTION passport_payment_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME;
END $$;
CREATE TRIGGER passport_payment_no_truncate BEFORE TRUNCATE ON passport_payment
    FOR EACH STATEMENT EXECUTE FUNCTION passport_payment_no_truncate();

-- The provider's webhook events already applied (each eventId once: the provider retries until answered 2xx).
-- Append-only; a later purge may delete rows older than the provider's retry window (24 h), none younger.
CREATE TABLE passport_payment_notification (
    event_id             varchar(64)   PRIMARY KEY,
    type                 varchar(40)   NOT NULL,
    provider_payment_id  varchar(64),
    received_at          timestamptz   NOT NULL
);
CREATE FUNCTION passport_payment_notification_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'passport_payment_notification is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.received_at > now() - interval '7 days' THEN
        RAISE EXCEPTION 'a notification is remembered for at least 7 days (the provider retries for 24 hours)';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER passport_payment_notification_append_only BEFORE UPDATE OR DELETE ON passport_payment_notification
    FOR EACH ROW EXECUTE FUNCTION passport_payment_notification_append_only();

-- Refunds to make (outbox): written in the transaction that rejects a paid application, or that records a second
-- payment of an application already paid; PaymentRefundJob sends each to the provider (its Idempotency-Key is this
-- row's id) and marks it done. One full refund per payment. Never deleted; once done it never changes.
CREATE TABLE passport_payment_refund (
    id                   uuid          PRIMARY KEY,
    payment_id           uuid          NOT NULL UNIQUE REFERENCES passport_payment (id),
    amount_krw           integer       NOT NULL CHECK (amount_krw > 0),
    reason               varchar(200)  NOT NULL,
    requested_at         timestamptz   NOT NULL,
    attempts             integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at      timestamptz   NOT NULL,
    provider_refund_id   varchar(64),
    refunded_at          timestamptz,
    CONSTRAINT passport_payment_refund_done_check CHECK ((provider_refund_id IS NULL) = (refunded_at IS NULL))
);
-- The job's work list: refunds not yet done, by due time (partial: done rows are never scanned).
CREATE INDEX passport_payment_refund_due_idx ON passport_payment_refund (next_attempt_at) WHERE refunded_at IS NULL;

CREATE FUNCTION passport_payment_refund_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'passport_payment_refund rows are never deleted';
    END IF;
    IF OLD.refunded_at IS NOT NULL THEN
        RAISE EXCEPTION 'a refund done never changes';
    END IF;
    IF NEW.payment_id <> OLD.payment_id OR NEW.amount_krw <> OLD.amount_krw THEN
        RAISE EXCEPTION 'a refund''s payment and amount never change';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER passport_payment_refund_kept BEFORE UPDATE OR DELETE ON passport_payment_refund
    FOR EACH ROW EXECUTE FUNCTION passport_payment_refund_kept();
CREATE TRIGGER passport_payment_refund_no_truncate BEFORE TRUNCATE ON passport_payment_refund
    FOR EACH STATEMENT EXECUTE FUNCTION passport_payment_no_truncate();
