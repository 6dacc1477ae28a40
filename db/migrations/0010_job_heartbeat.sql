-- A job records when it last made progress, so that a run whose process died (crash, kill, restart)
-- shows as interrupted instead of running for ever. Rerunning it finishes the work (the extension is
-- exactly-once per visa and rule).
alter table job_runs add column heartbeat_at timestamptz;
update job_runs set heartbeat_at = coalesce(finished_at, started_at);
alter table job_runs alter column heartbeat_at set default now();
alter table job_runs alter column heartbeat_at set not null;
