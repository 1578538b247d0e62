-- Query side: notifications (NotificationProjection). Rebuilt from events on a replay.
create table notification (
    id           uuid                        primary key, -- derived from the causing event's id
    recipient_id uuid                        not null,
    type         varchar(20)                 not null,
    actor_id     uuid                        not null,
    post_id      uuid,
    comment_id   uuid,
    source       varchar(200)                not null, -- what caused it: undoing that removes it
    created_at   timestamp(6) with time zone not null
);
create index notification_inbox on notification (recipient_id, created_at desc, id desc);
create index notification_by_source on notification (source);
create index notification_by_post on notification (post_id);
create index notification_by_comment on notification (comment_id);
create index notification_by_actor on notification (actor_id);

-- The recipient's read marks (NotificationReadState): user state, not rebuilt, kept across replays.
create table notification_read_marker (
    recipient_id uuid                        primary key,
    read_until   timestamp(6) with time zone not null
);

create table notification_read_override (
    notification_id uuid    primary key,
    recipient_id    uuid    not null,
    is_read         boolean not null
);
create index notification_read_override_by_recipient on notification_read_override (recipient_id);
