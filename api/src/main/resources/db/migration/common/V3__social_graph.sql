-- Query side: the social graph (SocialGraphProjection). Counters live on user_view.
create table user_follow (
    follower_id uuid                        not null,
    followee_id uuid                        not null,
    created_at  timestamp(6) with time zone not null,
    primary key (follower_id, followee_id)
);
-- Keyset pages of a user's followers and followees, newest first.
create index user_follow_followers on user_follow (followee_id, created_at desc, follower_id desc);
create index user_follow_following on user_follow (follower_id, created_at desc, followee_id desc);

create table user_block (
    blocker_id uuid                        not null,
    blocked_id uuid                        not null,
    created_at timestamp(6) with time zone not null,
    primary key (blocker_id, blocked_id)
);
create index user_block_by_blocker on user_block (blocker_id, created_at desc, blocked_id desc);
create index user_block_blocked on user_block (blocked_id);
