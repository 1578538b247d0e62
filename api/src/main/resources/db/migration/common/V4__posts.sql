-- Query side: the posts read model (PostProjection). Authors are joined from user_view at read time.
create table post_view (
    id             uuid                        primary key,
    author_id      uuid                        not null,
    caption        varchar(2200)               not null,
    likes_count    bigint                      not null default 0,
    comments_count bigint                      not null default 0,
    created_at     timestamp(6) with time zone not null,
    edited_at      timestamp(6) with time zone
);
-- A user's posts, newest first (keyset on created_at, id).
create index post_view_by_author on post_view (author_id, created_at desc, id desc);

create table post_tag (
    post_id  uuid        not null,
    tag      varchar(50) not null,
    position int         not null,
    primary key (post_id, tag)
);
create index post_tag_by_tag on post_tag (tag);

create table post_media (
    media_id       uuid          primary key,
    post_id        uuid          not null,
    position       int           not null,
    content_type   varchar(50)   not null,
    width          int           not null,
    height         int           not null,
    status         varchar(10)   not null, -- PROCESSING, READY or FAILED
    url            varchar(1000),
    original_url   varchar(1000),
    thumbnail_url  varchar(1000),
    failure_reason varchar(500)
);
create index post_media_by_post on post_media (post_id, position);

-- Comments and likes (CommentProjection, LikeProjection), in the posts projection's processor.
create table comment_view (
    id          uuid                        primary key,
    post_id     uuid                        not null,
    author_id   uuid                        not null,
    text        varchar(1000)               not null,
    likes_count bigint                      not null default 0,
    created_at  timestamp(6) with time zone not null,
    edited_at   timestamp(6) with time zone
);
-- A post's comments, oldest first.
create index comment_view_by_post on comment_view (post_id, created_at, id);
create index comment_view_by_author on comment_view (author_id);

create table post_like (
    post_id    uuid                        not null,
    user_id    uuid                        not null,
    created_at timestamp(6) with time zone not null,
    primary key (post_id, user_id)
);
-- A post's likers, newest first; a user's likes (for account deletion).
create index post_like_by_post on post_like (post_id, created_at desc, user_id desc);
create index post_like_by_user on post_like (user_id);

create table comment_like (
    comment_id uuid                        not null,
    user_id    uuid                        not null,
    created_at timestamp(6) with time zone not null,
    primary key (comment_id, user_id)
);
create index comment_like_by_user on comment_like (user_id);
