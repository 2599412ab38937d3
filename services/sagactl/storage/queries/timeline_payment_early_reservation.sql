-- payment: an inventory.reserved that arrived before order.created, parked on the order's row until
-- order.created comes and charges it ($1 order id). The row exists without a token only because of
-- the park, so its created_at is when the reservation was parked. Timeline columns: at, at_us,
-- what, details.
SELECT to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM o.created_at) * 1000000)::bigint AS at_us,
       'inventory.reserved parked: arrived before order.created, charged when it comes' AS what,
       jsonb_build_object('event', o.early_reservation::jsonb)::text AS details
FROM payment_orders o
WHERE o.order_id = $1 AND o.early_reservation IS NOT NULL
