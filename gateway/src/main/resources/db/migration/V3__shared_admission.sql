-- One waiting room and one set of rate limits for all gateway replicas (issue 17): the state every replica
-- must agree on lives here, in the gateway's own PostgreSQL, not in each process's memory.
-- The gateway reaches these tables through its "admission" datasource (synchronous_commit off: losing the last
-- few milliseconds of queue state in a crash costs a citizen at most a fresh ticket, never a report or a draft).

-- One row per route with a waiting room (대기실). The ticket counter, the admitter's mark and its rate credits.
CREATE TABLE admission_route (
    route            varchar(100)     PRIMARY KEY,
    -- The queue's id, carried in every ticket: a ticket of another queue (a store set up afresh, or a ticket a
    -- replica gave while the store was out) is not one of this queue's.
    epoch            varchar(16)      NOT NULL,
    -- The last ticket number given. Raised by an UPDATE that row-locks this row until its transaction commits,
    -- so numbers become visible in number order (the admitter never sees 13 before 12).
    issued           bigint           NOT NULL DEFAULT 0,
    -- Every number up to here has been let in or passed over; numbers above it still wait.
    admitted_through bigint           NOT NULL DEFAULT 0,
    -- Admissions saved up (at most one second's worth) and when the admitter last ran: the rate is counted
    -- here, on the database's clock, so it holds whichever replica admits.
    credits          double precision NOT NULL DEFAULT 0,
    last_round_at    timestamptz      NOT NULL
);

-- The tickets (대기표) after and around the mark. Admitted ones are kept while their pass is valid, then deleted.
CREATE TABLE admission_ticket (
    route        varchar(100) NOT NULL REFERENCES admission_route (route),
    number       bigint       NOT NULL,
    issued_at    timestamptz  NOT NULL,
    -- When its holder last asked (on any replica); a ticket unasked for abandon-after is passed over.
    last_seen_at timestamptz  NOT NULL,
    state        varchar(8)   NOT NULL DEFAULT 'WAITING' CHECK (state IN ('WAITING', 'ADMITTED', 'PASSED')),
    admitted_at  timestamptz,
    PRIMARY KEY (route, number)
);

-- Each replica's requests in flight per route, and how many it may have (its claim on the route's capacity, which
-- the others leave to it), reported every tick; a report older than replica-ttl is a replica that is gone, and no
-- longer counts.
CREATE TABLE admission_replica (
    route       varchar(100) NOT NULL,
    replica     varchar(100) NOT NULL,
    in_flight   integer      NOT NULL,
    claimed     integer      NOT NULL,
    reported_at timestamptz  NOT NULL,
    PRIMARY KEY (route, replica)
);

-- Rate-limit consumption each replica let through, one row per client and route per exchange: the other
-- replicas read the rows newer than their last read and take the tokens out of their own buckets. Only a few
-- seconds are kept. The client is an HMAC of the token subject or address (no personal data here). UNLOGGED:
-- no WAL, not replicated; after a database fail-over it starts empty, which costs at most one exchange's count.
CREATE UNLOGGED TABLE rate_limit_usage (
    id          bigserial    PRIMARY KEY,
    replica     varchar(100) NOT NULL,
    route       varchar(100) NOT NULL,
    client_key  varchar(64)  NOT NULL,
    consumed    integer      NOT NULL CHECK (consumed > 0),
    recorded_at timestamptz  NOT NULL
);

CREATE INDEX rate_limit_usage_recorded ON rate_limit_usage (recorded_at);
