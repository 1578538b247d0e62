-- Query side: home timelines (TimelineProjection).
-- The SQL timeline store of the embedded default: one row per post in a user's timeline.
create table timeline_entry (
    owner_id   uuid                        not null,
    post_id    uuid                        not null,
    author_id  uuid                        not null,
    created_at timestamp(6) with time zone not null,
    primary key (owner_id, post_id)
);
create index timeline_entry_page on timeline_entry (owner_id, created_at desc, post_id desc);
create index timeline_entry_by_author on timeline_entry (owner_id, author_id);

-- The timeline processor's own view of follows and posts (TimelineSources), whatever the store.
create table timeline_follow (
    follower_id uuid not null,
    followee_id uuid not null,
    primary key (follower_id, followee_id)
);
create index timeline_follow_followers on timeline_follow (followee_id, follower_id);

create table timeline_post (
    post_id    uuid                        primary key,
    author_id  uuid                        not null,
    created_at timestamp(6) with time zone not null
);
create index timeline_post_by_author on timeline_post (author_id, created_at desc, post_id desc);
