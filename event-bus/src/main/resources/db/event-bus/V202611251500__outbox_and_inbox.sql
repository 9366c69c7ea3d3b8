-- The transactional outbox: a service writes its change and the event in one transaction, and the relay
-- (org.parley.events.OutboxRelay) publishes committed rows to Kafka, oldest first.
CREATE TABLE event_outbox (
    -- Publication order. A key's events are published in this order, which follows commit order as long as
    -- writers of one aggregate are serialised by its row lock (see event-bus/README.md).
    sequence     bigserial   PRIMARY KEY,
    -- The CloudEvents id; consumers de-duplicate on it.
    id           uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    -- Relays lock whole buckets (advisory locks) before claiming rows, so that two relays never publish
    -- the same key at once and per-key order survives several instances. hashtext is immutable.
    key_bucket   smallint    NOT NULL GENERATED ALWAYS AS ((hashtext(message_key) & 15)::smallint) STORED,
    event_type   text        NOT NULL,
    source       text        NOT NULL,
    subject      text        NOT NULL,
    data_schema  text        NOT NULL,
    -- json rather than jsonb: the relay publishes these bytes as they were written (jsonb would reorder the
    -- keys and reformat), and nothing queries the outbox by payload.
    payload      json        NOT NULL,
    -- The CloudEvents time: when the event was appended, in the writer's transaction.
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz
);

-- The relay's only hot query: unsent rows in sequence order. Sent rows leave this index.
CREATE INDEX event_outbox_unsent ON event_outbox (sequence) WHERE sent_at IS NULL;
-- Retention: sent rows older than the retention are deleted in sent_at order.
CREATE INDEX event_outbox_sent ON event_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- The inbox: each consumer records the event ids it applied, in the transaction of the effect, so that a
-- redelivered event is recognised and skipped.
CREATE TABLE event_inbox (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
