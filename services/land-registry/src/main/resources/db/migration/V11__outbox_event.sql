-- Expand only: a new table. Domain events of owner changes waiting for Kafka (issue 20), copied verbatim
-- from portal-common (kr/civilportal/common/outbox/outbox_event.sql).
-- Domain events waiting to leave the service (kr.civilportal.common.outbox). Copy verbatim into the service's own
-- Flyway migration. A row is written in the same transaction as the change it tells of, so the event exists exactly
-- when the change does; the relay publishes rows in position order and marks them published, and purges them later.
CREATE TABLE outbox_event (
    position        bigserial     PRIMARY KEY,     -- publication order: a petition's events leave as they happened
    event_id        uuid          NOT NULL UNIQUE, -- the consumers' de-duplication key
    topic           varchar(100)  NOT NULL,
    event_key       varchar(200)  NOT NULL,        -- the Kafka record key: the petition's id
    event_type      varchar(100)  NOT NULL,
    payload         jsonb         NOT NULL,        -- the whole envelope, as published
    occurred_at     timestamptz   NOT NULL,
    published_at    timestamptz,
    attempts        integer       NOT NULL DEFAULT 0,
    last_error      varchar(500)
);
-- The relay's look-up of what is still to publish.
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL;
-- For the purge of published rows.
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
