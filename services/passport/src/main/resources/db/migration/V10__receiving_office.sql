-- 관할: the passport office that receives an application (접수 기관), chosen by the applicant (or the portal's default
-- office). Officers act on the applications of their own offices only (the token's `offices` claim). Rows written
-- before this column, or by a replica of the previous version during a rolling update, have none: every officer
-- sees those, so that no application is left without an office to process it. Expand only: a nullable column.
ALTER TABLE passport_application ADD COLUMN office_id varchar(20);
CREATE INDEX passport_application_office ON passport_application (office_id, submitted_at DESC);
