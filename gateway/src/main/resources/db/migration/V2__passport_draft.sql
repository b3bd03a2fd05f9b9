-- Passport applications being filled in (여권 발급 신청 작성 중), one per citizen (the token's subject), so that
-- closing the browser, logging out or a gateway restart loses nothing. What the citizen entered and the photo
-- are AES-256-GCM ciphertexts bound to the subject (a ciphertext copied onto another citizen's row does not
-- decrypt). Deleted on submission; untouched drafts are purged after portal.web.passport.draft-retention.
CREATE TABLE passport_draft (
    subject   varchar(255) PRIMARY KEY,
    -- Encrypted JSON: kind, validity, pages, photo file name, the submission's idempotency key.
    content   bytea        NOT NULL,
    -- Encrypted JPEG as uploaded (at most portal.web.passport.max-photo-bytes), or null before step 2.
    photo     bytea,
    saved_at  timestamptz  NOT NULL
);

-- The purge's scan: the oldest drafts first.
CREATE INDEX passport_draft_saved_at ON passport_draft (saved_at);
