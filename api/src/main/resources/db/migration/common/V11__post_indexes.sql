-- Fewer indexes for the posts projection to write. Tags are searched in the search index, never
-- by SQL, so post_tag loses its tag index. A like is keyed by (user, post) instead of (post, user)
-- with a separate index of the user's likes: the one unique index answers "has the viewer liked
-- this", an unlike and an account deletion. The table is rebuilt with its rows, because H2 and
-- PostgreSQL drop a primary key differently.
drop index post_tag_by_tag;

create table post_like_keyed (
    post_id    uuid                        not null,
    user_id    uuid                        not null,
    created_at timestamp(6) with time zone not null
);
insert into post_like_keyed (post_id, user_id, created_at) select post_id, user_id, created_at from post_like;
drop table post_like;
alter table post_like_keyed rename to post_like;
create unique index post_like_by_user on post_like (user_id, post_id);
-- A post's likers, newest first.
create index post_like_by_post on post_like (post_id, created_at desc, user_id desc);
