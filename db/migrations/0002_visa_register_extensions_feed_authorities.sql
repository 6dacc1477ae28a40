-- The visa register after the decision: war-related flag, cancellation, extensions (each visa at most
-- once per rule), job runs with progress, the change feed (transactional outbox) and authority clients.

alter table visas add column war_related boolean not null default false;
alter table visas add column cancelled_on date;
alter table visas add column cancellation_reason text;
alter table visas add constraint visas_cancellation check ((status = 'cancelled') = (cancelled_on is not null));
create index visas_extension_idx on visas (issued_on) where status = 'valid' and war_related;

create table visa_extensions (
  id           bigserial primary key,
  visa_id      uuid not null references visas(id),
  rule_id      text not null,
  run_id       uuid not null,
  old_valid_to date not null,
  new_valid_to date not null,
  extended_at  timestamptz not null default now(),
  constraint visa_extensions_longer check (new_valid_to > old_valid_to),
  -- a mass extension reaches each visa exactly once, whatever crashes and reruns happen
  unique (visa_id, rule_id)
);

create table job_runs (
  id          uuid primary key default gen_random_uuid(),
  kind        text not null,
  params      jsonb not null,
  status      text not null check (status in ('running', 'succeeded', 'failed')),
  dry_run     boolean not null default false,
  total       integer not null default 0 check (total >= 0),
  done        integer not null default 0 check (done >= 0),
  started_by  uuid,
  started_at  timestamptz not null default now(),
  finished_at timestamptz,
  error       text
);

-- The change feed: written in the same transaction as the change; `seq` is the pull cursor and
-- `event_id` the idempotency key a receiver deduplicates on.
create table change_events (
  seq         bigserial primary key,
  event_id    uuid not null unique default gen_random_uuid(),
  occurred_at timestamptz not null default now(),
  kind        text not null check (kind in ('visa.granted', 'visa.extended', 'visa.cancelled')),
  visa_id     uuid not null references visas(id),
  payload     jsonb not null
);
create trigger change_events_append_only before update or delete on change_events
  for each row execute function refuse_change();

create table authority_clients (
  id          uuid primary key default gen_random_uuid(),
  name        text not null,
  kind        text not null check (kind in ('health_insurance', 'labour_office', 'social_security', 'other')),
  key_prefix  text not null unique,
  key_hash    text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  scopes      text[] not null,
  created_by  uuid references staff_users(id),
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz
);
