-- Where each event was read (issue 14, defect 10), so that InboxRetention can delete an inbox row once the event
-- cannot come back: its offset is below the group's committed offset (no re-read can reach it) and it was
-- applied longer ago than the window in which the relay may publish a second copy under a new offset.
-- Null for rows written before this migration and by callers that record an event id alone: those are kept.
ALTER TABLE event_inbox
    ADD COLUMN consumer_group  text,
    ADD COLUMN topic           text,
    ADD COLUMN kafka_partition int,
    ADD COLUMN kafka_offset    bigint;
CREATE INDEX event_inbox_origin ON event_inbox (consumer_group, topic, kafka_partition, kafka_offset)
    WHERE consumer_group IS NOT NULL;
