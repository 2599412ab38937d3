-- inventory: the order's reservation when it was made and, unless still RESERVED, its last change
-- ($1 order id). Timeline columns: at, at_us, what, details.
SELECT to_char(e.t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM e.t) * 1000000)::bigint AS at_us,
       e.what,
       e.details::text AS details
FROM (
    SELECT r.created_at AS t, 0 AS step,
           'stock RESERVED: ' ||
               (SELECT coalesce(sum((i ->> 'quantity')::bigint), 0) FROM jsonb_array_elements(r.items) i) ||
               ' item(s), ' || to_char(r.total_cents / 100.0, 'FM999999999990.00') || ' ' || r.currency ||
               ', expires ' || to_char(r.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS what,
           to_jsonb(r) AS details
    FROM reservations r
    WHERE r.order_id = $1
    UNION ALL
    SELECT r.updated_at, 1,
           CASE r.status
               WHEN 'SOLD' THEN 'reservation SOLD (order confirmed)'
               WHEN 'RELEASED' THEN 'reservation RELEASED (stock available again)'
               WHEN 'RESTOCKED' THEN 'reservation RESTOCKED (sold stock returned)'
               ELSE 'reservation ' || r.status
           END,
           to_jsonb(r)
    FROM reservations r
    WHERE r.order_id = $1 AND r.status <> 'RESERVED'
) e
ORDER BY e.t, e.step
