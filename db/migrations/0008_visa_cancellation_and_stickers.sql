-- Cancelling a visa records its ground (§ 37 of Act 326/1999, see src/modules/visas/domain/cancellation.ts)
-- and who decided; a new sticker affixed after the decision (optional, by appointment or walk-in) is
-- kept with the visa, and the appointment it was made at is marked attended.
alter table visas add constraint visas_cancellation_ground check (
  cancellation_reason is null or cancellation_reason in
    ('holder_request', 'purpose_not_fulfilled', 'criminal_conviction', 'false_information', 'travel_document_invalid', 'schengen_expulsion', 'other_statutory'));
alter table visas add column cancelled_by uuid references staff_users(id);

create table visa_stickers (
  id             bigserial primary key,
  visa_id        uuid not null references visas(id),
  sticker_code   text not null,
  sticker_number text check (sticker_number ~ '^[A-Z0-9]{5,20}$'),
  affixed_on     date not null,
  office_id      text not null references offices(id),
  appointment_id uuid unique references appointments(id),
  recorded_by    uuid not null references staff_users(id),
  recorded_at    timestamptz not null default now()
);
create index visa_stickers_visa_idx on visa_stickers (visa_id);

alter table appointments drop constraint appointments_status_check;
alter table appointments add constraint appointments_status_check check (status in ('booked', 'cancelled', 'attended'));
