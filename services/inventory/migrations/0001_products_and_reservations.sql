-- Stock per product. The counters only ever move between columns (or grow through restocked),
-- so the balance below holds after every committed transaction; the database enforces it.
CREATE TABLE products (
    product_id  text        PRIMARY KEY,
    name        text        NOT NULL,
    price_cents bigint      NOT NULL CHECK (price_cents >= 0),
    currency    text        NOT NULL DEFAULT 'USD',
    initial     bigint      NOT NULL CHECK (initial >= 0),
    restocked   bigint      NOT NULL DEFAULT 0 CHECK (restocked >= 0),
    available   bigint      NOT NULL CHECK (available >= 0),
    reserved    bigint      NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    sold        bigint      NOT NULL DEFAULT 0 CHECK (sold >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT products_stock_balance CHECK (initial + restocked = available + reserved + sold)
);

-- One reservation per order at most; items = [{product_id, quantity, unit_price_cents}].
CREATE TABLE reservations (
    reservation_id text        PRIMARY KEY,
    order_id       text        NOT NULL UNIQUE,
    items          jsonb       NOT NULL,
    total_cents    bigint      NOT NULL CHECK (total_cents >= 0),
    currency       text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('RESERVED', 'SOLD', 'RELEASED', 'RESTOCKED')),
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Orders whose order.created was answered with inventory.reservation_failed: a redelivered
-- order.created (under a new message id) must not reserve later, when stock has come back.
CREATE TABLE reservation_failures (
    order_id  text        PRIMARY KEY,
    reason    text        NOT NULL,
    shortfall jsonb       NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);

-- Orders that were settled (cancelled, or rejected) before this service held anything for them:
-- their order.created, if it comes later, reserves nothing.
CREATE TABLE order_tombstones (
    order_id   text        PRIMARY KEY,
    event_type text        NOT NULL,
    event_id   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO products (product_id, name, price_cents, initial, available) VALUES
    ('PROD-001', 'Gaming Console - PS5', 49999, 100, 100),
    ('PROD-002', 'Gaming Console - Xbox Series X', 49999, 75, 75),
    ('PROD-003', 'Gaming Laptop', 149999, 50, 50),
    ('PROD-004', 'Wireless Headset', 9999, 200, 200),
    ('PROD-005', 'Mechanical Keyboard', 12999, 150, 150);
