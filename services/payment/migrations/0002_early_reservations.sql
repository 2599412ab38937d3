-- An inventory.reserved that arrived before its order's order.created (possible only while
-- order.created is on a retry or a redelivery) waits on the order's row, which it creates if need
-- be, and is charged in the transaction that handles order.created. Waiting costs no retry budget.
ALTER TABLE payment_orders ADD COLUMN early_reservation text;
ALTER TABLE payment_orders DROP CONSTRAINT payment_orders_check;
ALTER TABLE payment_orders ADD CONSTRAINT payment_orders_known
    CHECK (payment_token IS NOT NULL OR closed_reason IS NOT NULL OR early_reservation IS NOT NULL);
