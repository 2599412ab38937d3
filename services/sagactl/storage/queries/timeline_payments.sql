-- payment: the charge when it was made and, when refunded, the refund ($1 order id).
-- Timeline columns: at, at_us, what, details.
SELECT to_char(e.t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM e.t) * 1000000)::bigint AS at_us,
       e.what,
       e.details::text AS details
FROM (
    SELECT p.created_at AS t, 0 AS step,
           'payment ' || CASE p.status WHEN 'REFUNDED' THEN 'CAPTURED' ELSE p.status END || ' ' ||
               to_char(p.amount_cents / 100.0, 'FM999999999990.00') || ' ' || p.currency ||
               CASE WHEN p.status = 'DECLINED' THEN coalesce(' (' || p.reason || ')', '') ELSE '' END AS what,
           to_jsonb(p) AS details
    FROM payments p
    WHERE p.order_id = $1
    UNION ALL
    SELECT p.updated_at, 1,
           'payment REFUNDED ' || to_char(p.amount_cents / 100.0, 'FM999999999990.00') || ' ' || p.currency ||
               coalesce(' (' || p.reason || ')', ''),
           to_jsonb(p)
    FROM payments p
    WHERE p.order_id = $1 AND p.status = 'REFUNDED'
) e
ORDER BY e.t, e.step
