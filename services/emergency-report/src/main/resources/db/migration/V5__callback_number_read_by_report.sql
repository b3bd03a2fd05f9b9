-- An auditor searches the call-back number reads of one report (열람 기록 감사, by report id): without this index
-- that search would scan every read in its days, up to a year of them, and the live board logs many.
-- Expand only: a new index.
CREATE INDEX callback_number_read_report_idx ON callback_number_read (report_id, read_at DESC);
