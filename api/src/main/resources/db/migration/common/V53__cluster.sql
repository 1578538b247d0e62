-- Scaling out (docs/architecture.md, "Scaling out").
-- A processor paused on every node but one, while that one replays it or splits or merges its
-- segments; the other nodes stop theirs until the row is gone (or its lease has run out).
create table processor_pause (
    processor_name varchar(255) not null primary key,
    paused_by varchar(255) not null,
    paused_until bigint not null
);
-- Nodes that run projections, by their last heartbeat (epoch milliseconds): each node's fair share
-- of the processors' segments is the total over the nodes seen lately.
create table cluster_node (
    node_id varchar(255) not null primary key,
    seen_at bigint not null
);
