-- pgbench has no built-in insert-only script (its built-ins: tpcb-like, simple-update,
-- select-only): this is the INSERT of its built-in TPC-B script alone, one per transaction.
\set aid random(1, 100000 * :scale)
\set bid random(1, 1 * :scale)
\set tid random(1, 10 * :scale)
\set delta random(-5000, 5000)
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
