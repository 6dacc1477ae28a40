-- Issue 10: the application's database role. pobyt_app may read and write the application's tables
-- but only INSERT and SELECT the two hash-chained logs (audit_events, case_actions): no UPDATE, DELETE
-- or TRUNCATE, and — not being their owner — no ALTER TABLE … DISABLE TRIGGER either. The app takes it
-- with SET ROLE on every connection when DATABASE_APP_ROLE=pobyt_app (src/platform/db/db.ts);
-- migrations run as the owner before that. docs/security-audit-chain.md describes the production setup.
--
-- Roles belong to the whole server, not to one database: creating it is idempotent (and tolerates a
-- concurrent migration of another database creating it at the same moment). On PGlite the role is
-- created too; an embedded database has one user, so there it only serves the tests.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'pobyt_app') then
    create role pobyt_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  null;
end $$;

grant usage on schema public to pobyt_app;
grant select, insert, update, delete on all tables in schema public to pobyt_app;
grant usage, select, update on all sequences in schema public to pobyt_app;
revoke update, delete, truncate on audit_events, case_actions from pobyt_app;
-- Tables and sequences later migrations create (as the same owner) get the same rights; a later
-- append-only table revokes them as above.
alter default privileges in schema public grant select, insert, update, delete on tables to pobyt_app;
alter default privileges in schema public grant usage, select, update on sequences to pobyt_app;
-- The job queue (pg-boss) creates and migrates its own schema on start: under the role it needs that right.
do $$
begin
  execute format('grant create on database %I to pobyt_app', current_database());
end $$;
