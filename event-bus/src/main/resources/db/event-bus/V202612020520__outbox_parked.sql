-- Outbox rows Kafka refused for good (too large, invalid topic, not authorised): parked here by the relay so
-- that every other key keeps flowing. The parked row's own key waits behind it, to keep that key's order,
-- until an operator retries it (it goes back to event_outbox under its old sequence, ahead of the waiting
-- rows) or discards it (the waiting rows go). See ParkedEvents and docs/operations.md.
CREATE TABLE event_outbox_parked (
    sequence     bigint      PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    event_type   text        NOT NULL,
    source       text        NOT NULL,
    subject      text        NOT NULL,
    data_schema  text        NOT NULL,
    payload      json        NOT NULL,
    created_at   timestamptz NOT NULL,
    parked_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    reason       text        NOT NULL
);
CREATE INDEX event_outbox_parked_key ON event_outbox_parked (topic, message_key);

-- Events a consumer could not apply after its tries, or of a type its build does not know: parked with the
-- record as it was read, so that the partition goes on and nothing is lost. See ParkedEvents.
CREATE TABLE event_inbox_parked (
    consumer     text        NOT NULL,
    topic        text        NOT NULL,
    kafka_partition int      NOT NULL,
    kafka_offset bigint      NOT NULL,
    message_key  text,
    event_id     text,
    event_type   text,
    record_value bytea,
    record_headers json      NOT NULL,
    parked_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    reason       text        NOT NULL,
    -- Set by an operator (ParkedEvents.retryInbox); the consumer hands the record to its handler again.
    retry_requested_at timestamptz,
    PRIMARY KEY (consumer, topic, kafka_partition, kafka_offset)
);
