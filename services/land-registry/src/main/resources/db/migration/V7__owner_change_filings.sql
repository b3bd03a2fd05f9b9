-- Citizens' owner-change requests (소유자 변동 신청) and the land officers' queue of them: who holds each (담당),
-- its deadline (처리기한), its decision. Expand-only: a new table the previous version ignores.
CREATE TABLE owner_change_filing (
    id                 uuid         PRIMARY KEY,
    pnu                char(19)     NOT NULL REFERENCES parcel (pnu),
    -- What the filer asks to be recorded, as an officer's owner change records it (personal data: the name is
    -- shown masked to the filer and in full to land officers, never logged).
    owner_name         text         NOT NULL CHECK (length(btrim(owner_name)) BETWEEN 1 AND 100),
    share_numerator    integer      NOT NULL CHECK (share_numerator > 0),
    share_denominator  integer      NOT NULL CHECK (share_denominator >= share_numerator AND share_denominator <= 1000000),
    changed_on         date         NOT NULL,
    cause              text         NOT NULL CHECK (cause IN ('OWNERSHIP_PRESERVATION', 'SALE', 'INHERITANCE',
                                        'GIFT', 'PARTITION', 'CONSOLIDATION', 'AUCTION', 'EXPROPRIATION', 'OTHER')),
    -- The filer's account (token subject) and the name their login gave.
    filed_by           text         NOT NULL,
    filer_name         text         NOT NULL,
    -- The office (관할 기관) of the parcel's 시·군·구; null when no office covers it (then every land officer's).
    office_id          text,
    status             text         NOT NULL CHECK (status IN ('RECEIVED', 'APPROVED', 'REJECTED')),
    received_at        timestamptz  NOT NULL,
    due_on             date         NOT NULL,
    -- 담당: at most one officer holds a waiting request.
    holder_subject     text,
    holder_name        text,
    held_since         timestamptz,
    decided_by         text,
    decided_at         timestamptz,
    rejection_reason   text         CHECK (rejection_reason IS NULL OR length(rejection_reason) <= 200),
    -- The owner-history entry an approval appended.
    owner_change_seq   integer,
    CHECK ((holder_subject IS NULL) = (holder_name IS NULL) AND (holder_subject IS NULL) = (held_since IS NULL)),
    -- Only a waiting request is held; a decided one says who decided it and when, an approved one which entry of
    -- the owner history it appended, a rejected one why.
    CHECK (status = 'RECEIVED' OR holder_subject IS NULL),
    CHECK ((status = 'RECEIVED') = (decided_at IS NULL) AND (status = 'RECEIVED') = (decided_by IS NULL)),
    CHECK ((status = 'APPROVED') = (owner_change_seq IS NOT NULL)),
    CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL AND length(btrim(rejection_reason)) > 0)),
    FOREIGN KEY (pnu, owner_change_seq) REFERENCES owner_change (pnu, seq),
    UNIQUE (pnu, owner_change_seq)
);

-- The officers' queue (waiting ones of some offices, oldest first) and a filer's own list (newest first).
CREATE INDEX owner_change_filing_queue ON owner_change_filing (status, office_id, received_at);
CREATE INDEX owner_change_filing_filer ON owner_change_filing (filed_by, received_at DESC);
