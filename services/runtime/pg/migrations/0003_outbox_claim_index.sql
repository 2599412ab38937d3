-- The claim's per-aggregate ordering check probes, for each row of a batch, for an older unsent
-- row of the same aggregate: one look into outbox_unsent_by_aggregate. Once ANALYZE had seen the
-- outbox with (almost) nothing unsent, as it does in a relay that keeps up, the planner judged
-- outbox_unsent small enough to answer the probe by scanning it from the start instead, so a
-- claim read rows quadratic in the batch (27 ms per claim under load in bench/run-saga).
-- The batch's scan now states "id > 0" (true of every row: ids come from a bigserial), and only
-- this index carries it, so the probe, which does not state it, cannot use this index.
DROP INDEX outbox_unsent;
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL AND id > 0;
