-- An auditor searches the owner-name reads of one parcel (열람 기록 감사, by PNU): without this index that search
-- would scan every read in its days, up to a year of them. The register's own look-ups never read this log.
-- Expand only: a new index.
CREATE INDEX owner_name_read_pnu_idx ON owner_name_read (pnu, read_at DESC);
