-- Expand only: the detached PAdES signature of each issued certificate (a digest, certificates, the signature value
-- and its time stamp; no personal data). Null for certificates issued before documents were signed.
ALTER TABLE certificate ADD COLUMN signature bytea;
