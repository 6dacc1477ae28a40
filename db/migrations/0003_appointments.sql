-- Appointments for an optional new visa sticker: opening hours per office, slots with a capacity
-- guarded by a CHECK (booked never exceeds capacity), bookings with an idempotency key, one active
-- booking per visa and purpose.

create table office_hours (
  office_id text not null references offices(id),
  weekday   smallint not null check (weekday between 1 and 7),   -- ISO: 1 = Monday
  opens     time not null,
  closes    time not null,
  primary key (office_id, weekday),
  constraint office_hours_order check (closes > opens)
);

create table appointment_slots (
  id        uuid primary key default gen_random_uuid(),
  office_id text not null references offices(id),
  purpose   text not null check (purpose in ('sticker')),
  starts_at timestamptz not null,
  minutes   smallint not null check (minutes between 5 and 240),
  capacity  integer not null check (capacity between 1 and 1000),
  booked    integer not null default 0,
  constraint slots_capacity check (booked between 0 and capacity),
  unique (office_id, purpose, starts_at)
);
create index slots_office_time_idx on appointment_slots (office_id, starts_at);

create table appointments (
  id              uuid primary key default gen_random_uuid(),
  code            text not null unique,
  slot_id         uuid not null references appointment_slots(id),
  visa_id         uuid not null references visas(id),
  purpose         text not null,
  status          text not null check (status in ('booked', 'cancelled')),
  idempotency_key text unique,
  created_at      timestamptz not null default now(),
  cancelled_at    timestamptz,
  constraint appointments_cancelled check ((status = 'cancelled') = (cancelled_at is not null))
);
create unique index appointments_one_active on appointments (visa_id, purpose) where status = 'booked';
