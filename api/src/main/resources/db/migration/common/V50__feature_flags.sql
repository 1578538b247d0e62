-- Query side: feature flags (FeatureFlagProjection). Rebuilt from events on a replay.
-- Portable SQL, so one migration serves H2 and PostgreSQL.
create table feature_flag_view (
    name        varchar(64)                 primary key,
    description varchar(500)                not null,
    enabled     boolean                     not null,
    percentage  integer                     not null,
    version     bigint                      not null, -- the number of the flag's events so far
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    updated_by  uuid                        not null
);

-- Users on a flag's whitelist (list 'WHITELIST') or blocklist ('BLOCKLIST').
create table feature_flag_member (
    flag    varchar(64) not null,
    list    varchar(10) not null,
    user_id uuid        not null,
    primary key (flag, list, user_id)
);
create index feature_flag_member_by_user on feature_flag_member (user_id);

-- Every change of every flag, kept after the flag's deletion: who changed what, when.
create table feature_flag_change (
    flag       varchar(64)                 not null,
    version    bigint                      not null,
    change     varchar(40)                 not null,
    detail     varchar(4000)               not null,
    changed_by uuid                        not null,
    changed_at timestamp(6) with time zone not null,
    primary key (flag, version)
);
