-- Orders: the saga's single serialisation point. Transitions lock the row (SELECT ... FOR UPDATE).
-- `seq` gives the listing a stable keyset order (newest first) and is the page cursor.
CREATE TABLE orders (
    order_id             text        PRIMARY KEY,
    seq                  bigserial   NOT NULL UNIQUE,
    customer_id          text        NOT NULL,
    email                text,
    payment_token        text        NOT NULL,
    status               text        NOT NULL
        CHECK (status IN ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    reason               text
        CHECK (reason IN ('out_of_stock', 'unknown_product', 'payment_declined', 'reservation_expired')),
    total_cents          bigint      CHECK (total_cents >= 0),
    currency             text        NOT NULL DEFAULT 'USD',
    reservation_id       text,
    reservation_event_id text,
    expires_at           timestamptz,
    correlation_id       text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX orders_by_customer ON orders (customer_id, seq);
CREATE INDEX orders_by_status ON orders (status, seq);
-- The expiry sweeper's scan.
CREATE INDEX orders_awaiting_payment ON orders (expires_at) WHERE status = 'AWAITING_PAYMENT';

CREATE TABLE order_items (
    order_id         text    NOT NULL REFERENCES orders (order_id),
    position         int     NOT NULL,
    product_id       text    NOT NULL,
    quantity         int     NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price_cents bigint  CHECK (unit_price_cents >= 0),
    PRIMARY KEY (order_id, position),
    UNIQUE (order_id, product_id)
);

-- Every status an order went through, in order.
CREATE TABLE order_history (
    id       bigserial   PRIMARY KEY,
    order_id text        NOT NULL REFERENCES orders (order_id),
    status   text        NOT NULL,
    reason   text,
    event_id text,
    at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_history_by_order ON order_history (order_id, id);

-- Idempotency-Key of POST /api/orders: the request's hash and the response given. The row is
-- inserted in the same transaction as the order it created, so a committed row always holds a
-- complete response; a concurrent request with the same key waits on the uncommitted row.
CREATE TABLE idempotency_keys (
    idempotency_key  text        PRIMARY KEY,
    request_hash     text        NOT NULL,
    order_id         text,
    response_status  int,
    response_headers text,
    response_body    text,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Times in the API and in events: RFC 3339 UTC with milliseconds.
CREATE FUNCTION order_rfc3339(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
