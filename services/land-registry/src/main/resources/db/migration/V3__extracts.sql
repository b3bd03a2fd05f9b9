-- Extracts (토지대장 등본): each issued extract, with the data it attests (canonical JSON) and that data's
-- SHA-256, so anyone can verify an issuance number without logging in (진위확인) and the holder can download
-- the same document again. Expand-only, like V2.
CREATE TABLE land_extract (
    issuance_number  char(19)    PRIMARY KEY CHECK (issuance_number ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}$'),
    pnu              char(19)    NOT NULL REFERENCES parcel (pnu),
    issued_at        timestamptz NOT NULL,
    -- The account (token subject) that asked for it: only they and land officers download it again.
    issued_to        text        NOT NULL,
    -- What the document shows, as canonical JSON (kr.civilportal.common.document.ContentHash).
    attested_data    text        NOT NULL,
    content_hash     char(64)    NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX land_extract_issued_to_idx ON land_extract (issued_to, issued_at DESC);

-- An issued document is evidence: it is never altered or withdrawn from the record.
CREATE FUNCTION land_extract_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'land_extract is append-only';
END
$$;

CREATE TRIGGER land_extract_append_only
    BEFORE UPDATE OR DELETE ON land_extract
    FOR EACH STATEMENT EXECUTE FUNCTION land_extract_is_append_only();
