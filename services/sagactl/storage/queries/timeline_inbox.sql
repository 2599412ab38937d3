-- any service: which of the given messages ($2, a JSON array of message ids) its consumer ($1)
-- has handled, and when. Timeline columns: at, at_us, details; plus message_id.
SELECT to_char(i.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
       (extract(epoch FROM i.received_at) * 1000000)::bigint AS at_us,
       to_jsonb(i)::text AS details,
       i.message_id
FROM inbox i
WHERE i.consumer = $1 AND i.message_id IN (SELECT jsonb_array_elements_text($2::jsonb))
ORDER BY i.received_at, i.message_id
