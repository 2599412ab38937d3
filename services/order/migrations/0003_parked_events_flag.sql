-- Set when an event was parked for the order (order_early_events). The reservation's handler
-- reads it with the order's row lock and looks for parked events only when it is set: a parker
-- holds that lock and sets the flag in the same transaction, so a reservation that waited for the
-- lock sees the flag of the version the parker committed.
ALTER TABLE orders ADD COLUMN has_parked_events boolean NOT NULL DEFAULT false;
