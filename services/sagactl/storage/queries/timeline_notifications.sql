-- notification: each notification when it was queued and when it was sent or gave up (the time of
-- a failure is its last scheduled attempt) ($1 order id). Timeline columns: at, at_us, what, details.
SELECT to_char(e.t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM e.t) * 1000000)::bigint AS at_us,
       e.what,
       e.details::text AS details
FROM (
    SELECT n.created_at AS t, 0 AS step, n.notification_id,
           'notification queued for ' || n.event_type || ' (' || n.channel || ')' AS what,
           to_jsonb(n) - 'body' AS details
    FROM notifications n
    WHERE n.order_id = $1
    UNION ALL
    SELECT CASE n.status WHEN 'SENT' THEN n.sent_at ELSE n.next_attempt_at END, 1, n.notification_id,
           'notification ' || n.status || ' for ' || n.event_type || ' (' || n.channel || ' to ' || n.recipient ||
               CASE WHEN n.status = 'FAILED'
                    THEN ', ' || n.attempts || ' attempt(s): ' || coalesce(n.last_error, 'no error recorded')
                    ELSE '' END || ')',
           to_jsonb(n) - 'body'
    FROM notifications n
    WHERE n.order_id = $1 AND n.status IN ('SENT', 'FAILED')
) e
ORDER BY e.t, e.step, e.notification_id
