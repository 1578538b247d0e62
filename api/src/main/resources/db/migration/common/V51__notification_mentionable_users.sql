-- Query side: the accounts a mention can name, as the notifications processor has seen them
-- (MentionableUsers). Its own copy, not user_view: another processor's table may be ahead of or
-- behind this one's position, so a replay would notify mentions the first build did not.
-- Seeded from user_view once, so that mentions of existing accounts keep working; a replay of
-- notifications-projection makes it exact.
create table notification_user (
    username varchar(30) primary key,
    user_id  uuid        not null
);
create index notification_user_by_id on notification_user (user_id);
insert into notification_user (username, user_id) select username, id from user_view;
