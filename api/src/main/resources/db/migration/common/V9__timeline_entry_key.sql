-- Timeline entries keyed by their page order (owner, time, post) instead of by (owner, post), with
-- the author in the same index instead of an index of its own: one index to write for every entry
-- of every fan-out instead of three. An unfollow or a block, which removes one author's posts from
-- one timeline, reads that timeline's part of the index. The table is rebuilt with its rows,
-- because H2 and PostgreSQL drop a primary key differently.
create table timeline_entry_keyed (
    owner_id   uuid                        not null,
    post_id    uuid                        not null,
    author_id  uuid                        not null,
    created_at timestamp(6) with time zone not null
);
insert into timeline_entry_keyed (owner_id, post_id, author_id, created_at)
select owner_id, post_id, author_id, created_at from timeline_entry;
drop table timeline_entry;
alter table timeline_entry_keyed rename to timeline_entry;
create unique index timeline_entry_page on timeline_entry (owner_id, created_at desc, post_id desc, author_id);
