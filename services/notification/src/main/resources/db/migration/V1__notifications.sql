-- The notification service's own schema: citizens' preferences, their inbox, and one delivery per
-- (event, recipient, channel): the unique key that makes a redelivered event do nothing twice.

-- A citizen's choices. The e-mail address is personal data: only its AES-GCM ciphertext is stored
-- (common's AtRestCipher, the key id in front, the resident id bound in as associated data).
create table preference (
    resident_id     uuid        primary key,
    language        varchar(2)  not null default 'ko' check (language in ('ko', 'en')),
    email_sealed    bytea,
    email_enabled   boolean     not null default false,
    updated_at      timestamptz not null
);

-- What a citizen reads on the portal: the INBOX channel.
create table inbox_message (
    id              uuid         primary key,
    resident_id     uuid         not null,
    event_id        uuid         not null,
    event_type      varchar(100) not null,
    source          varchar(50)  not null,
    petition_id     varchar(100) not null,  -- the petition's id, or what the event is about (a certificate's issuance number)
    language        varchar(2)   not null,
    title           varchar(300) not null,
    body            text         not null,
    occurred_at     timestamptz  not null,
    created_at      timestamptz  not null,
    read_at         timestamptz,
    constraint inbox_message_once unique (event_id, resident_id)
);
create index inbox_message_by_resident on inbox_message (resident_id, created_at desc, id desc);
create index inbox_message_unread on inbox_message (resident_id) where read_at is null;

-- One row per event, recipient and channel. INBOX rows are DELIVERED with their inbox message in the same
-- transaction; EMAIL rows start PENDING and are sent after the commit by the scheduled sender, which retries
-- with backoff and PARKs a delivery after the last attempt (then officials see it).
create table delivery (
    id              uuid         primary key,
    event_id        uuid         not null,
    recipient       uuid         not null,
    channel         varchar(10)  not null check (channel in ('INBOX', 'EMAIL')),
    state           varchar(10)  not null check (state in ('PENDING', 'DELIVERED', 'SENT', 'PARKED', 'CANCELLED')),
    event_type      varchar(100) not null,
    source          varchar(50)  not null,
    petition_id     varchar(100) not null,  -- the petition's id, or what the event is about (a certificate's issuance number)
    language        varchar(2)   not null,
    title           varchar(300) not null,
    body            text         not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(300),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint delivery_once unique (event_id, recipient, channel)
);
create index delivery_due on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_by_state on delivery (state, updated_at desc, id desc);
