-- inventory: the order could not be reserved ($1 order id). Timeline columns: at, at_us, what, details.
SELECT to_char(f.failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM f.failed_at) * 1000000)::bigint AS at_us,
       'reservation FAILED (' || f.reason || ')' AS what,
       to_jsonb(f)::text AS details
FROM reservation_failures f
WHERE f.order_id = $1
