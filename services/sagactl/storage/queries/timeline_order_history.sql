-- order: every status the order went through ($1 order id). Timeline columns: at, at_us, what, details.
SELECT to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM h.at) * 1000000)::bigint AS at_us,
       'order ' || h.status || coalesce(' (' || h.reason || ')', '') AS what,
       to_jsonb(h)::text AS details
FROM order_history h
WHERE h.order_id = $1
ORDER BY h.id
