-- Issue 8: a reporter whose phone refuses to share its location reports with the address they type; the
-- coordinates are then absent (both, never one: checked by the service). Expand only: rows written by the
-- previous version keep their coordinates. (A replica of the previous version reading an address-only row
-- cannot map it; roll the service forward before the web form sends such reports.)
ALTER TABLE emergency_report ALTER COLUMN latitude DROP NOT NULL;
ALTER TABLE emergency_report ALTER COLUMN longitude DROP NOT NULL;
ALTER TABLE emergency_report ADD CONSTRAINT emergency_report_located
    CHECK ((latitude IS NULL) = (longitude IS NULL)
           AND (latitude IS NOT NULL OR coalesce(btrim(address), '') <> ''));
