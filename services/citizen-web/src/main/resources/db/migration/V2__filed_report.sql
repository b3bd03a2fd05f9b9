-- 119 reports a signed-in citizen filed through these pages (신고 내역), so that 나의 민원 can follow them. The
-- 119 service ties no account to a report (anyone reports without logging in, and a token sent with a report is
-- not checked), so the page remembers which reports were this citizen's. The token that opens a report's status
-- is an AES-256-GCM ciphertext bound to the subject and the report (copied onto another row it does not open).
-- Rows are deleted after portal.web.citizen.reports.retention: an account's link to an emergency is kept only
-- while following it is useful.
CREATE TABLE filed_report (
    subject    varchar(255) NOT NULL,
    -- The 119 service's report id; or the gateway relay's id while the relay holds the report (held = true).
    report_id  uuid         NOT NULL,
    held       boolean      NOT NULL,
    category   varchar(40)  NOT NULL,
    token      bytea        NOT NULL,
    filed_at   timestamptz  NOT NULL,
    PRIMARY KEY (subject, report_id)
);

-- The dashboard's list (newest first) and the purge's scan.
CREATE INDEX filed_report_subject_filed_at ON filed_report (subject, filed_at DESC);
CREATE INDEX filed_report_filed_at ON filed_report (filed_at);
