-- Documents sent with a 보완 answer (docs/supplement-documents.md): up to three PDF/JPEG/PNG files per round, checked
-- by their bytes, kept encrypted (AES-256-GCM, common's AtRestCipher under the RRN key ring, the report id and the
-- document id bound as associated data). They are history as the round is: written once with the answer, never
-- changed, nothing deleted within two years (as move_in_supplement, V10).
-- Expand only: a new table; a replica of the version before never reads nor writes it.

CREATE TABLE move_in_supplement_document (
    id             uuid          PRIMARY KEY,
    supplement_id  uuid          NOT NULL REFERENCES move_in_supplement (id),
    position       smallint      NOT NULL CHECK (position >= 0),       -- 0-based, in the order the filer sent them
    file_name      varchar(100)  NOT NULL CHECK (file_name <> ''),    -- for display only: path and controls dropped
    media_type     varchar(30)   NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    byte_size      integer       NOT NULL CHECK (byte_size > 0),      -- of the plaintext
    sha256         varchar(64)   NOT NULL CHECK (length(sha256) = 64), -- hex, of the plaintext
    key_id         varchar(64)   NOT NULL,                            -- the at-rest key it is sealed under
    ciphertext     bytea         NOT NULL,                            -- IV, ciphertext and tag
    created_at     timestamptz   NOT NULL,
    UNIQUE (supplement_id, position)
);

CREATE FUNCTION move_in_supplement_document_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.created_at > now() - interval '2 years' THEN
            RAISE EXCEPTION 'move_in_supplement_document rows are kept for at least two years';
        END IF;
        RETURN OLD;
    END IF;
    -- Re-sealing under a newer key (same plaintext, same digest) is the one change allowed.
    IF NEW.id <> OLD.id OR NEW.supplement_id <> OLD.supplement_id OR NEW.position <> OLD.position
            OR NEW.file_name <> OLD.file_name OR NEW.media_type <> OLD.media_type OR NEW.byte_size <> OLD.byte_size
            OR NEW.sha256 <> OLD.sha256 OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'move_in_supplement_document is history: a document is written once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER move_in_supplement_document_history BEFORE UPDATE OR DELETE ON move_in_supplement_document
    FOR EACH ROW EXECUTE FUNCTION move_in_supplement_document_history();
CREATE FUNCTION move_in_supplement_document_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'move_in_supplement_document cannot be truncated';
END $$;
CREATE TRIGGER move_in_supplement_document_no_truncate BEFORE TRUNCATE ON move_in_supplement_document
    FOR EACH STATEMENT EXECUTE FUNCTION move_in_supplement_document_no_truncate();
