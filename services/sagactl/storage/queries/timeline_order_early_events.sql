-- order: payment outcomes that arrived before the reservation they follow, parked until it comes;
-- the reservation's transaction applies them and removes them ($1 order id). Timeline columns: at,
-- at_us, what, details.
SELECT to_char(e.parked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM e.parked_at) * 1000000)::bigint AS at_us,
       (e.envelope::jsonb ->> 'type') || ' parked: arrived before inventory.reserved, applied when it comes' AS what,
       jsonb_build_object('event_id', e.event_id, 'event', e.envelope::jsonb)::text AS details
FROM order_early_events e
WHERE e.order_id = $1
