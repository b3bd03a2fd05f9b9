-- The applicant's photo (여권 사진), one per application: a new upload replaces it. Kept here in PostgreSQL
-- (bytea, at most 500 KB by the service's rule) so that it is backed up and replicated with the application.
-- Expand only: a new table.
CREATE TABLE passport_photo (
    application_id  uuid         PRIMARY KEY REFERENCES passport_application (id),
    content         bytea        NOT NULL,
    width_px        integer      NOT NULL,
    height_px       integer      NOT NULL,
    uploaded_at     timestamptz  NOT NULL
);
