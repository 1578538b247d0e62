-- Command side: facts that decisions need about other aggregates (CommandFacts), written by
-- FactsRecorder in the same transaction as the events that change them.
create table post_fact (
    post_id   uuid    primary key,
    author_id uuid    not null,
    deleted   boolean not null
);

create table comment_fact (
    comment_id uuid    primary key,
    post_id    uuid    not null,
    author_id  uuid    not null,
    deleted    boolean not null
);

create table block_fact (
    blocker_id uuid not null,
    blocked_id uuid not null,
    primary key (blocker_id, blocked_id)
);

create table deleted_account_fact (
    user_id uuid primary key
);
