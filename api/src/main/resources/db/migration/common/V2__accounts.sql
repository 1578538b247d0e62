-- Command side: set validation for accounts (JdbcAccountClaims). Written in the same transaction
-- as the account's events; never rebuilt from them. Usernames stay claimed after deletion.
create table username_claim (
    username varchar(30) primary key,
    user_id  uuid not null
);

create table email_claim (
    email_hash char(64) primary key, -- SHA-256 of the lower-case email: no personal data kept
    user_id    uuid     not null
);
create index email_claim_user on email_claim (user_id);

-- Query side: the users read model (UserProjection). One row per live account.
create table user_view (
    id              uuid                     primary key,
    username        varchar(30)              not null unique,
    email           varchar(254)             not null,
    login_email     varchar(254)             not null unique, -- lower case, for login by email
    password_hash   varchar(255)             not null,
    display_name    varchar(50)              not null,
    bio             varchar(150)             not null default '',
    avatar_url      varchar(1000),
    followers_count bigint                   not null default 0,
    following_count bigint                   not null default 0,
    posts_count     bigint                   not null default 0,
    created_at      timestamp(6) with time zone not null
);
create index user_view_newest on user_view (created_at desc, id desc);

-- API: login sessions (refresh-token families) and their refresh tokens (Sessions).
create table auth_session (
    id         uuid                        primary key,
    user_id    uuid                        not null,
    username   varchar(30)                 not null,
    created_at timestamp(6) with time zone not null,
    revoked_at timestamp(6) with time zone
);
create index auth_session_user on auth_session (user_id);

create table refresh_token (
    token_hash char(64)                    primary key, -- SHA-256 of the token: a leaked table logs nobody in
    session_id uuid                        not null references auth_session (id),
    expires_at timestamp(6) with time zone not null,
    used_at    timestamp(6) with time zone
);
create index refresh_token_session on refresh_token (session_id);
