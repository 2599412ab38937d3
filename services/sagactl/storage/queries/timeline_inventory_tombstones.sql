-- inventory: the order was settled before inventory held anything for it ($1 order id).
-- Timeline columns: at, at_us, what, details.
SELECT to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM t.created_at) * 1000000)::bigint AS at_us,
       'nothing to reserve: order already closed by ' || t.event_type AS what,
       to_jsonb(t)::text AS details
FROM order_tombstones t
WHERE t.order_id = $1
