-- 보완 제출 with text and documents (docs/supplement-documents.md, "Passport"): the applicant's answer to each
-- supplement request (the history step that asked it), optional text, and up to three PDF/JPEG/PNG documents checked
-- by their bytes and kept sealed (AES-256-GCM, common's AtRestCipher under passport's own document key ring, the
-- application id and the document id bound as associated data). Both are history, as the status changes are: written
-- once with the answer, never changed (a document may only be re-sealed under a newer key), nothing deleted within two
-- years, never truncated (the style of V7).
-- Expand only: new tables, and a column with a default on the read log, so a replica of the version before keeps
-- resubmitting (no answer row: the view then takes the answer's time from the history) and logging photo reads.

CREATE TABLE passport_supplement_answer (
    id                 uuid           PRIMARY KEY,
    application_id     uuid           NOT NULL REFERENCES passport_application (id),
    -- The history step that asked for the supplement (to_status SUPPLEMENT_REQUESTED): one answer per request.
    request_change_id  bigint         NOT NULL UNIQUE REFERENCES passport_status_change (id),
    answer             varchar(1000)  CHECK (answer IS NULL OR answer <> ''),  -- null: answered without text
    answered_at        timestamptz    NOT NULL
);
CREATE INDEX passport_supplement_answer_application_idx ON passport_supplement_answer (application_id);

CREATE FUNCTION passport_supplement_answer_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'passport_supplement_answer is history: an answer is written once';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.answered_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'passport_supplement_answer rows are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER passport_supplement_answer_history BEFORE UPDATE OR DELETE ON passport_supplement_answer
    FOR EACH ROW EXECUTE FUNCTION passport_supplement_answer_history();
CREATE FUNCTION passport_supplement_answer_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'passport_supplement_answer cannot be truncated';
END $$;
CREATE TRIGGER passport_supplement_answer_no_truncate BEFORE TRUNCATE ON passport_supplement_answer
    FOR EACH STATEMENT EXECUTE FUNCTION passport_supplement_answer_no_truncate();

CREATE TABLE passport_supplement_document (
    id          uuid          PRIMARY KEY,
    answer_id   uuid          NOT NULL REFERENCES passport_supplement_answer (id),
    position    smallint      NOT NULL CHECK (position >= 0),        -- 0-based, in the order the applicant sent them
    file_name   varchar(100)  NOT NULL CHECK (file_name <> ''),     -- for display only: path and controls dropped
    media_type  varchar(30)   NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    byte_size   integer       NOT NULL CHECK (byte_size > 0),       -- of the plaintext
    sha256      varchar(64)   NOT NULL CHECK (length(sha256) = 64), -- hex, of the plaintext
    key_id      varchar(64)   NOT NULL,                             -- the at-rest key it is sealed under
    ciphertext  bytea         NOT NULL,                             -- IV, ciphertext and tag
    created_at  timestamptz   NOT NULL,
    UNIQUE (answer_id, position)
);

CREATE FUNCTION passport_supplement_document_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.created_at > now() - interval '2 years' THEN
            RAISE EXCEPTION 'passport_supplement_document rows are kept for at least two years';
        END IF;
        RETURN OLD;
    END IF;
    -- Re-sealing under a newer key (same plaintext, same digest) is the one change allowed.
    IF NEW.id <> OLD.id OR NEW.answer_id <> OLD.answer_id OR NEW.position <> OLD.position
            OR NEW.file_name <> OLD.file_name OR NEW.media_type <> OLD.media_type OR NEW.byte_size <> OLD.byte_size
            OR NEW.sha256 <> OLD.sha256 OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'passport_supplement_document is history: a document is written once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER passport_supplement_document_history BEFORE UPDATE OR DELETE ON passport_supplement_document
    FOR EACH ROW EXECUTE FUNCTION passport_supplement_document_history();
CREATE FUNCTION passport_supplement_document_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'passport_supplement_document cannot be truncated';
END $$;
CREATE TRIGGER passport_supplement_document_no_truncate BEFORE TRUNCATE ON passport_supplement_document
    FOR EACH STATEMENT EXECUTE FUNCTION passport_supplement_document_no_truncate();

-- The record-read log (V7) now also holds officers' reads of 보완 documents: what was read, and which document. The
-- default keeps every earlier row, and every row a replica of the version before writes, a photo read.
ALTER TABLE passport_photo_read ADD COLUMN what varchar(30) NOT NULL DEFAULT 'PHOTO'
    CHECK (what IN ('PHOTO', 'SUPPLEMENT_DOCUMENT'));
ALTER TABLE passport_photo_read ADD COLUMN document_id uuid REFERENCES passport_supplement_document (id);
ALTER TABLE passport_photo_read ADD CONSTRAINT passport_photo_read_document_named
    CHECK ((what = 'SUPPLEMENT_DOCUMENT') = (document_id IS NOT NULL));
