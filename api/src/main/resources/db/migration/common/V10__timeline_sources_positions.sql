-- The timeline processor's own follows and posts remember the position (global index) of the
-- event that wrote them, so that a replay, which finds the rows later events wrote, fans a post
-- out to exactly the followers its author had then and backfills a follow with exactly the posts
-- written before it. Rows written before this have -1: earlier than any event to come.
alter table timeline_follow add column event_position bigint default -1 not null;
alter table timeline_post add column event_position bigint default -1 not null;
drop index timeline_follow_followers;
create index timeline_follow_followers on timeline_follow (followee_id, follower_id, event_position);
