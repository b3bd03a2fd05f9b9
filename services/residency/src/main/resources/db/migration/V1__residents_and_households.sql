-- Households (세대) and their residents (세대원). The resident registration number is never stored in the
-- clear: AES-GCM ciphertext with the id of its key, and an HMAC of it for exact look-up.
CREATE TABLE household (
    id          uuid PRIMARY KEY,
    address     varchar(300) NOT NULL,          -- road-name address (도로명주소) of the household
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE resident (
    id                uuid PRIMARY KEY,
    name              varchar(100) NOT NULL,
    birth_date        date         NOT NULL,
    rrn_key_id        varchar(40)  NOT NULL,
    rrn_ciphertext    bytea        NOT NULL,
    rrn_lookup_hash   bytea        NOT NULL UNIQUE,
    household_id      uuid         NOT NULL REFERENCES household (id),
    relation_to_head  varchar(20)  NOT NULL,    -- 세대주와의 관계
    created_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX resident_household_idx ON resident (household_id);
