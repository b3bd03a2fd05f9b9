-- 직원 명부: the officials a service has seen, with the offices their last token named, so that an officer can
-- assign a case (배정) to a colleague of its office. Written only from endpoints restricted to the service's
-- officer role; holds officials' user names, never citizens' data.
CREATE TABLE official_roster (
    subject     text          PRIMARY KEY,                 -- the token's sub: stable across renames
    user_name   text          NOT NULL CHECK (length(user_name) BETWEEN 1 AND 100),
    offices     text[]        NOT NULL,
    last_seen   timestamptz   NOT NULL
);
CREATE INDEX official_roster_offices_idx ON official_roster USING gin (offices);
