-- Civil Society programme: partner organisations and their caseworkers, nominations whose narrative,
-- contacts and evidence are encrypted by the application (envelope encryption), assignments,
-- four-eyes approval, and visas that come from a nomination rather than a case.

create table partner_orgs (
  id         uuid primary key default gen_random_uuid(),
  name       text not null unique,
  created_at timestamptz not null default now()
);

alter table staff_users add column org_id uuid references partner_orgs(id);
alter table staff_users drop constraint staff_users_role_check;
alter table staff_users add constraint staff_users_role_check check (role in ('officer', 'supervisor', 'admin', 'caseworker'));
alter table staff_users drop constraint staff_office_required;
alter table staff_users add constraint staff_scope_required check (
  (role = 'admin') or (role = 'caseworker' and org_id is not null and office_id is null) or (role in ('officer', 'supervisor') and office_id is not null));

create table nominations (
  id               uuid primary key default gen_random_uuid(),
  reference        text not null unique,
  org_id           uuid not null references partner_orgs(id),
  created_by       uuid not null references staff_users(id),
  nationality      char(3) not null check (nationality in ('RUS', 'BLR')),
  surname          text not null,
  given_names      text not null,
  native_name      text,
  date_of_birth    date not null,
  passport_number  text not null,
  category         text not null check (category in ('journalist', 'academic', 'human_rights_activist', 'civil_society_figure', 'relative')),
  public_record    jsonb not null,
  visa_type        text not null check (visa_type in ('C', 'D')),
  lodging_post     text not null,
  -- encrypted by the application: AES-256-GCM under a per-record data key wrapped by a master key
  narrative_ct     bytea not null,
  contacts_ct      bytea,
  dek_wrapped      bytea not null,
  dek_master_id    text not null,
  status           text not null check (status in ('nominated', 'screening', 'assessment', 'approved', 'declined')),
  version          integer not null default 1,
  first_approver   uuid references staff_users(id),
  second_approver  uuid references staff_users(id),
  decline_reasons_ct bytea,
  nominated_on     date not null,
  decided_on       date,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint nominations_four_eyes check (second_approver is null or (first_approver is not null and second_approver <> first_approver)),
  constraint nominations_approved check ((status = 'approved') = (second_approver is not null)),
  constraint nominations_decided check ((status in ('approved', 'declined')) = (decided_on is not null))
);
create index nominations_org_idx on nominations (org_id, status);
create index nominations_master_idx on nominations (dek_master_id);

create table nomination_assignments (
  nomination_id uuid not null references nominations(id),
  officer_id    uuid not null references staff_users(id),
  assigned_by   uuid not null references staff_users(id),
  assigned_at   timestamptz not null default now(),
  primary key (nomination_id, officer_id)
);

create table nomination_evidence (
  id            uuid primary key default gen_random_uuid(),
  nomination_id uuid not null references nominations(id),
  mime          text not null,
  size_bytes    integer not null check (size_bytes > 0),
  name_ct       bytea not null,
  content_ct    bytea not null,
  created_at    timestamptz not null default now()
);

-- A visa may come from a tolerance case or from a nomination (Schengen C or long-stay D).
alter table visas alter column case_id drop not null;
alter table visas alter column applicant_id drop not null;
alter table visas add column nomination_id uuid unique references nominations(id);
alter table visas add constraint visas_one_origin check ((case_id is null) <> (nomination_id is null));
alter table visas drop constraint visas_visa_code_check;
alter table visas add constraint visas_visa_code_check check (visa_code in ('D/VS/91', 'D/SD/91', 'D/VC/91', 'C', 'D'));
