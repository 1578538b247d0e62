-- Mastodon client API (issue 19): state that belongs to the API, not to the domain, so nothing
-- here is rebuilt from events. Registered client apps, OAuth authorization codes and access
-- tokens (only SHA-256 hashes of secrets, codes and tokens are stored).
create table mastodon_app (
    id                 uuid                        primary key,
    client_id          varchar(64)                 not null unique,
    client_secret_hash char(64)                    not null,
    name               varchar(200)                not null,
    website            varchar(1000),
    redirect_uris      varchar(2000)               not null,
    scopes             varchar(500)                not null,
    created_at         timestamp(6) with time zone not null
);

create table mastodon_authorization_code (
    code_hash      char(64)                    primary key,
    app_id         uuid                        not null references mastodon_app (id),
    user_id        uuid                        not null,
    username       varchar(30)                 not null,
    redirect_uri   varchar(1000)               not null,
    scopes         varchar(500)                not null,
    code_challenge varchar(128),
    expires_at     timestamp(6) with time zone not null,
    used_at        timestamp(6) with time zone
);

-- An access token of a user belongs to a Glimpse login session (auth_session): revoking the session
-- (logout, refresh-token reuse, account deletion) ends the token too. App tokens have no session.
create table mastodon_token (
    token_hash char(64)                    primary key,
    app_id     uuid                        not null references mastodon_app (id),
    session_id uuid,
    user_id    uuid,
    username   varchar(30),
    scopes     varchar(500)                not null,
    created_at timestamp(6) with time zone not null,
    revoked_at timestamp(6) with time zone
);
create index mastodon_token_session on mastodon_token (session_id);

-- Idempotency-Key of POST /api/v1/statuses: the status a key made, kept for a day.
create table mastodon_idempotency (
    user_id         uuid                        not null,
    idempotency_key varchar(200)                not null,
    status_id       uuid                        not null,
    created_at      timestamp(6) with time zone not null,
    primary key (user_id, idempotency_key)
);

-- Uploads of POST /api/v2/media waiting to be attached to a status, with their previews.
create table mastodon_media (
    id            uuid                        primary key,
    owner_id      uuid                        not null,
    content_type  varchar(50)                 not null,
    width         integer                     not null,
    height        integer                     not null,
    description   varchar(1500),
    state         varchar(16)                 not null,
    feed_key      varchar(1000),
    thumbnail_key varchar(1000),
    display_key   varchar(1000),
    preview_width  integer,
    preview_height integer,
    blurhash      varchar(100),
    status_id     uuid,
    created_at    timestamp(6) with time zone not null
);
create index mastodon_media_owner on mastodon_media (owner_id);

-- Markers (GET/POST /api/v1/markers): where a user stopped reading, per timeline.
create table mastodon_marker (
    user_id      uuid                        not null,
    timeline     varchar(20)                 not null,
    last_read_id varchar(100)                not null,
    version      bigint                      not null,
    updated_at   timestamp(6) with time zone not null,
    primary key (user_id, timeline)
);

-- POST /api/v1/notifications/clear and /:id/dismiss hide notifications from the Mastodon API.
create table mastodon_notification_clear (
    user_id       uuid                        primary key,
    cleared_until timestamp(6) with time zone not null
);

create table mastodon_notification_dismissal (
    notification_id uuid primary key,
    user_id         uuid not null
);
create index mastodon_notification_dismissal_user on mastodon_notification_dismissal (user_id);

-- The public timeline (GET /api/v1/timelines/public) reads all posts newest first. Ids are
-- time-ordered, so the index grows at one end like post_view's primary key.
create index post_view_newest on post_view (created_at desc, id desc);
