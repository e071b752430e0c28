-- Work that every app server on one database could do, recorded so that
-- it runs once rather than once per server: a periodic job's last run
-- (last_run, claimed by ClaimJob), and for a one-off job the key of what it
-- last finished (key, FinishJob), e.g. the cards of these documents made
-- by this build.
CREATE TABLE jobs (
	name     TEXT PRIMARY KEY,
	job_key  TEXT NOT NULL DEFAULT '',
	last_run TEXT NOT NULL
);
