-- Notifications with fewer indexes: each index is written for every notification, and a replay
-- writes them by the hundred thousand. An undone action (unlike, unfollow) finds its notification
-- by actor and recipient, a deleted comment by post and comment, so the source column and the
-- separate comment index go.
drop index notification_by_source;
drop index notification_by_comment;
drop index notification_by_post;
drop index notification_by_actor;
alter table notification drop column source;
create index notification_by_post on notification (post_id, comment_id);
create index notification_by_actor on notification (actor_id, recipient_id);
