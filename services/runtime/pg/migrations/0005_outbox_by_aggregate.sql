-- sagactl order and the console's timeline read an order's outbox rows by aggregate_id, and only
-- the unsent rows were indexed by it: every lookup read the whole table, with the sent rows of
-- the retention window (24 h of them) in it. This index holds every row instead. The claim's
-- per-aggregate ordering probe uses it as it used the partial one, and reads the few sent rows of
-- that aggregate on the way. A mark now adds an entry to it, where it left the partial index
-- alone (bench/README step 24).
DROP INDEX outbox_unsent_by_aggregate;
CREATE INDEX outbox_by_aggregate ON outbox (aggregate_id, id);
