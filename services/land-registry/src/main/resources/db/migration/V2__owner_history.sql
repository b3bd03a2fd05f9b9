-- Owner history (소유자 변동 이력): every change of owner is a new row, never an update. Expand-only: the
-- previous version of the service ignores this table and keeps running during a rolling update.
CREATE TABLE owner_change (
    pnu                char(19)    NOT NULL REFERENCES parcel (pnu),
    -- 1, 2, 3, ... per parcel in the order the changes were recorded; the key keeps two officers recording
    -- at once from getting the same number.
    seq                integer     NOT NULL CHECK (seq > 0),
    -- Personal data: shown masked to anyone but land officers, never logged.
    owner_name         text        NOT NULL CHECK (length(btrim(owner_name)) BETWEEN 1 AND 100),
    -- Share (지분) as a fraction, e.g. 1/2; 1/1 for sole ownership.
    share_numerator    integer     NOT NULL CHECK (share_numerator > 0),
    share_denominator  integer     NOT NULL CHECK (share_denominator >= share_numerator AND share_denominator <= 1000000),
    -- Date of the change (변동일자) and its cause (변동원인).
    changed_on         date        NOT NULL,
    cause              text        NOT NULL CHECK (cause IN ('OWNERSHIP_PRESERVATION', 'SALE', 'INHERITANCE',
                                       'GIFT', 'PARTITION', 'CONSOLIDATION', 'AUCTION', 'EXPROPRIATION', 'OTHER')),
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    -- The officer's account (token subject) that recorded it; 'demo-data' for seeded rows.
    recorded_by        text        NOT NULL,
    PRIMARY KEY (pnu, seq)
);

-- History is evidence: the table refuses updates and deletes even from code that bypasses the service.
CREATE FUNCTION owner_change_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'owner_change is append-only: record a new change instead of altering one';
END
$$;

CREATE TRIGGER owner_change_append_only
    BEFORE UPDATE OR DELETE ON owner_change
    FOR EACH STATEMENT EXECUTE FUNCTION owner_change_is_append_only();
