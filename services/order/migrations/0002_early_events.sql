-- Payment outcomes that reached the order service before the reservation they follow (the
-- reservation was still on a retry or a redelivery). They wait here, with the order, and are
-- applied in the transaction that applies the reservation: waiting costs no retry budget, however
-- long the reservation takes.
CREATE TABLE order_early_events (
    event_id  text        PRIMARY KEY,
    order_id  text        NOT NULL REFERENCES orders (order_id),
    envelope  text        NOT NULL,
    parked_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_early_events_by_order ON order_early_events (order_id, parked_at);
