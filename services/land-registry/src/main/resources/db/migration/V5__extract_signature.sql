-- Expand only: the detached PAdES signature of each issued extract (a digest, certificates, the signature value and
-- its time stamp), written with the row (the table stays append-only). Null for extracts issued before documents
-- were signed.
ALTER TABLE land_extract ADD COLUMN signature bytea;
