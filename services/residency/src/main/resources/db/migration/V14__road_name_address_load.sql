-- Each load of the road-name address register, with the SHA-256 of the bytes it read: a start whose file is the
-- one loaded last only hashes it instead of reading and upserting every row (six million in the national file).
-- Reference data about a file, no personal data. Expand only: a new table the previous version does not know.
CREATE TABLE road_name_address_load (
    id            bigserial    PRIMARY KEY,
    source        varchar(500) NOT NULL,  -- the file setting: a path, or classpath:… for the extract
    sha256        char(64)     NOT NULL,
    rows_read     integer      NOT NULL,
    rows_written  integer      NOT NULL,  -- inserted or changed; unchanged rows are not rewritten
    loaded_at     timestamptz  NOT NULL DEFAULT now()
);
