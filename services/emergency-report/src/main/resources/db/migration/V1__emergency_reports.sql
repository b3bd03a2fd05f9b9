-- Reports to 119 (다매체 신고). The reporter's phone number is never stored in the clear: AES-GCM ciphertext
-- with the id of its key, bound to the row's id. The checks repeat the API's rules so that no other writer
-- (a migration, a repair script, the gateway's store-and-forward later) can store what the API would refuse.
CREATE TABLE emergency_report (
    id                          uuid             PRIMARY KEY,
    category                    varchar(20)      NOT NULL
        CHECK (category IN ('FIRE', 'RESCUE', 'EMERGENCY_MEDICAL', 'DISASTER', 'CRIME_REFERRAL', 'OTHER')),
    description                 text             NOT NULL CHECK (char_length(description) <= 2000),
    latitude                    double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude                   double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    accuracy_m                  double precision CHECK (accuracy_m BETWEEN 0 AND 1000000),  -- metres, as the device reports it
    address                     varchar(300),                               -- as the reporter gave it, if at all
    reporter_phone_key_id       varchar(40),
    reporter_phone_ciphertext   bytea,
    status                      varchar(20)      NOT NULL
        CHECK (status IN ('RECEIVED', 'ACKNOWLEDGED', 'DISPATCHED', 'CLOSED')),
    priority                    integer          NOT NULL CHECK (priority BETWEEN 1 AND 3),   -- 1 most urgent
    received_at                 timestamptz      NOT NULL,
    -- A ciphertext is useless without the id of the key that made it.
    CHECK ((reporter_phone_key_id IS NULL) = (reporter_phone_ciphertext IS NULL))
);

-- The dispatchers' list: by status, newest first.
CREATE INDEX emergency_report_status_received_idx ON emergency_report (status, received_at);
-- The same list without a status filter.
CREATE INDEX emergency_report_received_idx ON emergency_report (received_at);
