-- What the payment service knows about an order before and after charging it, learned from
-- order.created (token) and order.cancelled / order.rejected (closed). A row without a token is
-- a tombstone: the order was closed before its order.created arrived.
CREATE TABLE payment_orders (
    order_id      text        PRIMARY KEY,
    customer_id   text        NOT NULL,
    payment_token text,
    closed_reason text,
    closed_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (payment_token IS NOT NULL OR closed_reason IS NOT NULL)
);

-- One charge per order, ever: the UNIQUE order_id is what makes a second charge impossible.
CREATE TABLE payments (
    payment_id   uuid        PRIMARY KEY,
    order_id     text        NOT NULL UNIQUE,
    amount_cents bigint      NOT NULL CHECK (amount_cents >= 0),
    currency     text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('CAPTURED', 'DECLINED', 'REFUNDED')),
    reason       text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
