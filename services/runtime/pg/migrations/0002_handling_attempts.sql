-- Handling attempts of redelivered messages, committed before their handler runs and removed in
-- the transaction that handles them. A message whose handling keeps taking the process down (a
-- crash, not an exception the consumer catches) piles up attempts here; the messages that were
-- merely prefetched when the process went down do not. The consumer dead-letters the first after
-- a few attempts, so the broker's delivery limit, which counts both alike, can stay a distant
-- backstop.
CREATE TABLE handling_attempts (
    consumer   text        NOT NULL,
    message_id text        NOT NULL,
    attempts   int         NOT NULL,
    last_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX handling_attempts_last_at ON handling_attempts (last_at);
