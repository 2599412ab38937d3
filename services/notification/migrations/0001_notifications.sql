-- One notification per (order, event type); the delivery task works through the PENDING ones.
CREATE TABLE notifications (
    notification_id  text PRIMARY KEY,
    order_id         text NOT NULL,
    event_type       text NOT NULL,
    channel          text NOT NULL CHECK (channel IN ('log', 'smtp', 'webhook')),
    recipient        text NOT NULL,
    subject          text NOT NULL,
    body             text NOT NULL,
    status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0,
    last_error       text,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    -- The triggering event, so notification.sent/failed continue its saga and trace.
    cause_event_id   text NOT NULL,
    correlation_id   text NOT NULL,
    traceparent      text NOT NULL,
    UNIQUE (order_id, event_type)
);

-- The delivery task's scan: due PENDING rows of one channel.
CREATE INDEX notifications_due ON notifications (channel, next_attempt_at) WHERE status = 'PENDING';
