-- Sessions that end everywhere (issue 15): when every session of a user ends (a role change, a password change, a
-- deletion, an admin's "end all sessions"), the access tokens already issued must stop working too, in every
-- service. not_before is the user's cut-off, a whole second: a token issued before it is refused. The services poll
-- the cut-offs younger than an access token's life (older ones only concern tokens that have expired).
create table session_cutoffs (
    user_id    uuid        primary key references users (id),
    not_before timestamptz not null
);
create index session_cutoffs_recent on session_cutoffs (not_before);
