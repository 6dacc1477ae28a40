-- Issue 13: one person behind every spelling of a name. The people module owns persons, their
-- passports past and present, their name variants (one row per folded spelling, trigram-indexed)
-- and the staff's explicit decisions between two persons (link, merge, distinct; reversible).
-- Applicants (cases), nominees (nominations) and visa holders (visas) refer to a person.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table persons (
  id               uuid primary key default gen_random_uuid(),
  surname          text not null,
  given_names      text not null,
  native_name      text,
  date_of_birth    date not null,
  nationality      char(3) not null check (nationality ~ '^[A-Z]{3}$'),
  sex              char(1) check (sex in ('M', 'F', 'X')),
  -- a merged person answers as the one it was merged into; unmerge clears it (nothing else moves)
  merged_into      uuid references persons(id),
  -- which generation of nameVariants wrote this person's variants (0: the migration's plain fold)
  variants_version integer not null default 0,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint persons_not_merged_into_self check (merged_into is distinct from id)
);
create index persons_birth_idx on persons (date_of_birth);
create index persons_merged_into_idx on persons (merged_into) where merged_into is not null;
create index persons_stale_variants_idx on persons (variants_version);

create table person_passports (
  person_id   uuid not null references persons(id),
  number      text not null,
  nationality char(3) not null,
  expires_on  date,
  -- where it was seen: applicant, nomination, mrz, demo
  source      text not null,
  recorded_at timestamptz not null default now(),
  primary key (person_id, number)
);
create index person_passports_number_idx on person_passports (number);

create table person_name_variants (
  person_id uuid not null references persons(id),
  -- native, passport or a transliteration system (src/modules/people/domain/names/systems.ts)
  system    text not null,
  variant   text not null,
  folded    text not null,
  -- the native-script form the variant was made from, and its language when known
  made_from text not null,
  language  text,
  primary key (person_id, folded)
);
create index person_name_variants_trgm_idx on person_name_variants using gin (folded gin_trgm_ops);

create table person_links (
  id          uuid primary key default gen_random_uuid(),
  kind        text not null check (kind in ('link', 'merge', 'distinct')),
  -- merge: person_id is merged into other_id; link and distinct are symmetric
  person_id   uuid not null references persons(id),
  other_id    uuid not null references persons(id),
  decided_by  uuid references staff_users(id),
  decided_at  timestamptz not null default now(),
  reversed_by uuid references staff_users(id),
  reversed_at timestamptz,
  constraint person_links_two_persons check (person_id <> other_id)
);
-- one standing decision of a kind per pair
create unique index person_links_standing_idx
  on person_links (least(person_id, other_id), greatest(person_id, other_id), kind) where reversed_at is null;
create index person_links_other_idx on person_links (other_id);

-- Today's data moves over: one person per applicant and per nominee (never merged automatically:
-- a match between them is a duplicate candidate for staff to decide).
alter table applicants add column person_id uuid;
update applicants set person_id = gen_random_uuid();
insert into persons (id, surname, given_names, native_name, date_of_birth, nationality, created_at)
  select person_id, surname, given_names, native_name, date_of_birth, nationality, created_at from applicants;
insert into person_passports (person_id, number, nationality, expires_on, source, recorded_at)
  select person_id, passport_number, nationality, passport_expires_on, 'applicant', created_at from applicants;
alter table applicants alter column person_id set not null;
alter table applicants add constraint applicants_person_fk foreign key (person_id) references persons(id);
create index applicants_person_idx on applicants (person_id);

alter table nominations add column person_id uuid;
update nominations set person_id = gen_random_uuid();
insert into persons (id, surname, given_names, native_name, date_of_birth, nationality, created_at)
  select person_id, surname, given_names, native_name, date_of_birth, nationality, created_at from nominations;
insert into person_passports (person_id, number, nationality, expires_on, source, recorded_at)
  select person_id, passport_number, nationality, null, 'nomination', created_at from nominations;
alter table nominations alter column person_id set not null;
alter table nominations add constraint nominations_person_fk foreign key (person_id) references persons(id);
create index nominations_person_idx on nominations (person_id);

alter table visas add column person_id uuid references persons(id);
update visas v set person_id = a.person_id from applicants a where a.id = v.applicant_id;
update visas v set person_id = n.person_id from nominations n where n.id = v.nomination_id and v.person_id is null;
create index visas_person_idx on visas (person_id);

-- The names as recorded, folded in SQL (lower case, no accents, apostrophes dropped, hyphens as
-- spaces); `pobyt people reindex` replaces them with every variant nameVariants knows.
insert into person_name_variants (person_id, system, variant, folded, made_from)
  select distinct on (id, f) id, s, t, f, t from (
    select p.id, 'passport' as s, p.given_names || ' ' || p.surname as t,
      btrim(regexp_replace(regexp_replace(lower(unaccent(p.given_names || ' ' || p.surname)), '[''ʼ’]', '', 'g'), '[-.,[:space:]]+', ' ', 'g')) as f
    from persons p
    union all
    select p.id, 'native', p.native_name,
      btrim(regexp_replace(regexp_replace(lower(unaccent(p.native_name)), '[''ʼ’]', '', 'g'), '[-.,[:space:]]+', ' ', 'g'))
    from persons p where p.native_name is not null and btrim(p.native_name) <> ''
  ) x where f <> ''
  order by id, f, s desc;
