-- Land officers' reads of owners' names (소유자 정보 열람 기록): who saw a parcel's owners in full, when and doing
-- what (the 수행업무 the 접속기록 names: a register look-up, an extract issued or downloaded). Owners' names are
-- personal data; everyone but land officers sees them masked and is not logged. Each entry is written before
-- the names leave the service (in the transaction of the extract where there is one), so none leave without it.
-- Append-only: no UPDATE ever, no DELETE within two years (the rule of residency's and passport's logs),
-- whoever sends it. Expand only: a new table.
CREATE TABLE owner_name_read (
    id         bigserial     PRIMARY KEY,
    pnu        char(19)      NOT NULL REFERENCES parcel (pnu),
    official   varchar(100)  NOT NULL,
    role       varchar(40)   NOT NULL,
    action     varchar(40)   NOT NULL,
    reason     varchar(500)  NOT NULL,
    read_at    timestamptz   NOT NULL
);
CREATE INDEX owner_name_read_at_idx ON owner_name_read (read_at DESC);

CREATE FUNCTION owner_name_read_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'owner_name_read is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.read_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'owner_name_read entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER owner_name_read_append_only BEFORE UPDATE OR DELETE ON owner_name_read
    FOR EACH ROW EXECUTE FUNCTION owner_name_read_append_only();
CREATE FUNCTION owner_name_read_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'owner_name_read cannot be truncated';
END $$;
CREATE TRIGGER owner_name_read_no_truncate BEFORE TRUNCATE ON owner_name_read
    FOR EACH STATEMENT EXECUTE FUNCTION owner_name_read_no_truncate();
