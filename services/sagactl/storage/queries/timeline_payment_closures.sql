-- payment: the order was closed for payment (cancelled or rejected), with or without a charge
-- ($1 order id). Timeline columns: at, at_us, what, details.
SELECT to_char(o.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM o.closed_at) * 1000000)::bigint AS at_us,
       'payment closed (' || o.closed_reason || ')' ||
           CASE WHEN o.payment_token IS NULL THEN ': before order.created arrived' ELSE '' END AS what,
       (to_jsonb(o) - 'payment_token' || jsonb_build_object('has_token', o.payment_token IS NOT NULL))::text AS details
FROM payment_orders o
WHERE o.order_id = $1 AND o.closed_at IS NOT NULL
