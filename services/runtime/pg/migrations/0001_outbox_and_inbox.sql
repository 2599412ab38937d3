-- Transactional outbox: rows are written in the same transaction as the state change they
-- announce and published by the relay, which marks them sent after the broker confirmed.
CREATE TABLE outbox (
    id             bigserial PRIMARY KEY,
    message_id     text        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    aggregate_id   text        NOT NULL,
    correlation_id text        NOT NULL,
    source         text        NOT NULL,
    payload        text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at        timestamptz
);
-- The relay's scan of unsent rows, and its per-aggregate ordering check.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_unsent_by_aggregate ON outbox (aggregate_id, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Idempotent consumers: one row per (consumer, message id) handled, written in the handler's
-- transaction; a duplicate delivery finds its row and is acknowledged without effect.
CREATE TABLE inbox (
    consumer    text        NOT NULL,
    message_id  text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_received_at ON inbox (received_at);
