-- any service: the events it published (or has yet to publish) about the order: outbox rows with
-- the order as subject ($1 order id). Timeline columns: at, at_us, what, details; plus message_id
-- and event_type, to recognise them in the other services' inboxes.
SELECT to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM o.created_at) * 1000000)::bigint AS at_us,
       CASE WHEN o.sent_at IS NULL THEN o.event_type || ' waiting in the outbox (not published yet)'
            ELSE 'published ' || o.event_type END AS what,
       (to_jsonb(o) - 'payload' || jsonb_build_object('payload', o.payload::jsonb))::text AS details,
       o.message_id,
       o.event_type
FROM outbox o
WHERE o.aggregate_id = $1
ORDER BY o.id
