-- Expand only: new tables, nothing in V1 changes, so the previous version keeps running beside this one.

-- Address history (주소 변동 이력): every address a resident was registered at, with the move-in date.
CREATE TABLE address_history (
    id            bigserial    PRIMARY KEY,
    resident_id   uuid         NOT NULL REFERENCES resident (id),
    household_id  uuid         NOT NULL REFERENCES household (id),
    address       varchar(300) NOT NULL,
    moved_in_on   date         NOT NULL,                 -- 전입일
    reason        varchar(30)  NOT NULL,                 -- 변동사유: BIRTH, INITIAL_REGISTRATION, MOVE_IN
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX address_history_resident_idx ON address_history (resident_id, moved_in_on);

-- Residents registered before this version get their current address as their first history entry.
INSERT INTO address_history (resident_id, household_id, address, moved_in_on, reason)
SELECT r.id, h.id, h.address, r.created_at::date, 'INITIAL_REGISTRATION'
FROM resident r JOIN household h ON h.id = r.household_id;

-- Issued certificates (발급 증명서): the attested data (numbers masked) and its SHA-256, so that 진위확인
-- can answer without the PDF and the PDF can be rendered again identically.
CREATE TABLE certificate (
    issuance_number   varchar(19)  PRIMARY KEY,          -- 문서확인번호 1234-5678-9012-3452
    kind              varchar(30)  NOT NULL,             -- HOUSEHOLD (등본) | PERSONAL_HISTORY (초본)
    resident_id       uuid         NOT NULL REFERENCES resident (id),
    issued_at         timestamptz  NOT NULL,
    include_former_addresses boolean NOT NULL,
    show_back_digits  boolean      NOT NULL,
    attested_data     text         NOT NULL,             -- canonical JSON
    content_hash      varchar(64)  NOT NULL              -- SHA-256 hex of attested_data
);
CREATE INDEX certificate_resident_idx ON certificate (resident_id, issued_at DESC);

-- Move-in reports (전입신고): a petition an officer approves or rejects.
CREATE TABLE move_in_report (
    id                  uuid         PRIMARY KEY,
    resident_id         uuid         NOT NULL REFERENCES resident (id),
    mode                varchar(20)  NOT NULL,            -- NEW_HOUSEHOLD (세대 구성) | JOIN_HOUSEHOLD (세대 합가)
    address             varchar(300) NOT NULL,
    moved_in_on         date         NOT NULL,
    target_household_id uuid         REFERENCES household (id),
    relation_to_head    varchar(20)  NOT NULL,
    status              varchar(20)  NOT NULL,            -- SUBMITTED | APPROVED | REJECTED
    rejection_reason    varchar(500),
    submitted_at        timestamptz  NOT NULL,
    decided_at          timestamptz,
    decided_by          varchar(100),
    CHECK ((mode = 'JOIN_HOUSEHOLD') = (target_household_id IS NOT NULL)),
    CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL)
);
CREATE INDEX move_in_report_queue_idx ON move_in_report (status, submitted_at);
CREATE INDEX move_in_report_resident_idx ON move_in_report (resident_id, submitted_at DESC);
-- One open report per resident: a second one while the first is pending is a conflict.
CREATE UNIQUE INDEX move_in_report_one_open_idx ON move_in_report (resident_id) WHERE status = 'SUBMITTED';

-- Access log (열람 기록): who among the officials read which resident's record, when and why. Append-only:
-- the trigger refuses every UPDATE, and a DELETE of anything younger than two years (the retention rule for
-- systems holding resident registration numbers), whoever asks, the service's own role included.
CREATE TABLE access_log (
    id           bigserial    PRIMARY KEY,
    resident_id  uuid         NOT NULL REFERENCES resident (id),
    official     varchar(100) NOT NULL,                  -- the official's user name
    role         varchar(40)  NOT NULL,
    action       varchar(40)  NOT NULL,                  -- READ_RECORD, DECIDE_MOVE_IN
    reason       varchar(500) NOT NULL,                  -- 열람 사유, required
    accessed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX access_log_resident_idx ON access_log (resident_id, accessed_at DESC);

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'access_log is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.accessed_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'access_log entries are kept for at least two years';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE FUNCTION access_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log cannot be truncated';
END $$;
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_no_truncate();
