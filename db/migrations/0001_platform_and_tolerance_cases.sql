-- Regions, OAMP offices, staff and sessions; tolerance-visa cases as an append-only action log
-- with a projection row; visas; letters; per-scope number sequences; audit events.
-- PostgreSQL 15 SQL (the server tier) that also runs on PGlite.

create table regions (
  code    text primary key,            -- ISO 3166-2:CZ, e.g. CZ-10
  name_cs text not null,
  name_en text not null,
  iso     text not null unique,        -- the old letter code, e.g. CZ-PR
  nuts    text not null unique
);

create table offices (
  id               text primary key,   -- short stable code, e.g. PHA-ZUK
  region_code      text not null references regions(code),
  name             text not null,
  address          text,
  address_verified boolean not null default false,
  phone            text,
  source           text
);
create index offices_region_idx on offices(region_code);

create table staff_users (
  id            uuid primary key default gen_random_uuid(),
  username      text not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
  display_name  text not null,
  role          text not null check (role in ('officer', 'supervisor', 'admin')),
  office_id     text references offices(id),
  password_hash text not null,
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  -- officers and supervisors work for one office; an admin may have none
  constraint staff_office_required check (role = 'admin' or office_id is not null)
);

create table sessions (
  token_hash text primary key,         -- sha256 of the bearer/cookie token; the token itself is never stored
  user_id    uuid not null references staff_users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions(user_id);

create table applicants (
  id                  uuid primary key default gen_random_uuid(),
  surname             text not null,
  given_names         text not null,
  native_name         text,
  date_of_birth       date not null,
  nationality         char(3) not null check (nationality ~ '^[A-Z]{3}$'),
  passport_number     text not null,
  passport_expires_on date not null,
  address             text not null,
  region_code         text not null references regions(code),
  created_at          timestamptz not null default now()
);
create index applicants_passport_idx on applicants(passport_number, date_of_birth);

create table cases (
  id            uuid primary key default gen_random_uuid(),
  reference     text not null unique,
  case_type     text not null check (case_type in ('tolerance_visa')),
  office_id     text not null references offices(id),
  applicant_id  uuid not null references applicants(id),
  status        text not null check (status in ('inadmissible', 'under_assessment', 'interrupted',
                                                 'granted', 'refused', 'withdrawn', 'discontinued')),
  version       integer not null default 1 check (version >= 1),
  ground        text not null,
  received_on   date not null,
  due_on        date,
  clock_running boolean not null,
  decided_on    date,
  created_by    uuid not null references staff_users(id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  constraint cases_due_when_running check (not clock_running or due_on is not null),
  constraint cases_decided_when_final check (
    (status in ('granted', 'refused', 'withdrawn', 'discontinued')) = (decided_on is not null))
);
create index cases_queue_idx on cases(office_id, status, due_on);

-- The case log: one row per typed action. Rows are never updated or deleted (trigger below).
create table case_actions (
  id              bigserial primary key,
  case_id         uuid not null references cases(id),
  seq             integer not null check (seq >= 1),
  action_type     text not null check (action_type in ('intake', 'interrupt', 'resume', 'grant', 'refuse',
                                                       'withdraw', 'discontinue', 'letter_posted', 'letter_delivery')),
  payload         jsonb not null,
  actor_id        uuid not null references staff_users(id),
  occurred_at     timestamptz not null default now(),
  effective_on    date not null,
  idempotency_key text,
  unique (case_id, seq),
  -- a retried request with the same key does nothing twice
  unique (action_type, idempotency_key),
  -- the fields a decision must carry
  constraint refusal_has_reasons check (action_type <> 'refuse'
    or (length(coalesce(payload->>'reasons', '')) > 0 and length(coalesce(payload->>'legalGround', '')) > 0)),
  constraint grant_has_visa check (action_type <> 'grant'
    or (length(coalesce(payload->>'visaNumber', '')) > 0 and payload ? 'validFrom' and payload ? 'validTo'))
);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '55000';
end $$;

create trigger case_actions_append_only before update or delete on case_actions
  for each row execute function refuse_change();

create table visas (
  id           uuid primary key default gen_random_uuid(),
  visa_number  text not null unique,
  case_id      uuid not null unique references cases(id),
  applicant_id uuid not null references applicants(id),
  visa_code    text not null check (visa_code in ('D/VS/91', 'D/SD/91', 'D/VC/91')),
  valid_from   date not null,
  valid_to     date not null,
  issued_on    date not null,
  status       text not null default 'valid' check (status in ('valid', 'cancelled')),
  created_at   timestamptz not null default now(),
  constraint visas_validity_order check (valid_to >= valid_from)
);

create table letters (
  id                     uuid primary key default gen_random_uuid(),
  case_id                uuid not null references cases(id),
  kind                   text not null check (kind in ('return', 'grant', 'refusal', 'discontinuation', 'interruption')),
  template_version       text not null,
  sha256                 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  pdf                    bytea not null,
  issued_on              date not null,
  created_by             uuid not null references staff_users(id),
  created_at             timestamptz not null default now(),
  posted_on              date,
  ready_for_collection_on date,
  delivered_on           date,
  delivery_how           text check (delivery_how in ('delivered', 'collected', 'deemed')),
  constraint letters_delivery_after_posting check (delivered_on is null or (posted_on is not null and delivered_on >= posted_on)),
  constraint letters_delivery_how check ((delivered_on is null) = (delivery_how is null))
);
create index letters_case_idx on letters(case_id);

create table number_sequences (
  scope      text primary key,
  next_value bigint not null check (next_value >= 1)
);

create table audit_events (
  id          bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_id    uuid,
  action      text not null,
  entity_type text not null,
  entity_id   text not null,
  before      jsonb,
  after       jsonb,
  request_id  text
);
create index audit_entity_idx on audit_events(entity_type, entity_id);

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_change();
