-- One case engine for every case type. The case types, their statuses and their actions are
-- declarations in code (checked when they are registered), so the database no longer lists them:
-- a new type needs no migration. The Civil Society nomination becomes a case (a programme case: no
-- OAMP office, no applicant row — the nominee stays in `nominations`) with an action log like
-- every other; existing nominations get a log rebuilt from what their row recorded.
alter table cases drop constraint cases_case_type_check;
alter table cases drop constraint cases_status_check;
alter table cases drop constraint cases_decided_when_final;
alter table cases alter column office_id drop not null;
alter table cases alter column applicant_id drop not null;
alter table cases add constraint cases_office_case_has_applicant check ((office_id is null) = (applicant_id is null));
alter table case_actions drop constraint case_actions_action_type_check;

-- Four eyes in the schema: one approval per officer per case.
create unique index case_actions_one_approval_per_actor on case_actions (case_id, actor_id) where action_type = 'approve';

insert into cases (id, reference, case_type, office_id, applicant_id, status, version, ground, received_on,
                   due_on, clock_running, decided_on, created_by, created_at, updated_at)
select id, reference, 'civil_society_nomination', null, null, status, version, 'civil_society_programme',
       nominated_on, null, false, decided_on, created_by, created_at, updated_at
from nominations;

-- The rebuilt log: the nomination, the steps its status implies, the approvals its row names, the
-- decline — each step's officer and day taken from its audit event, the nomination's otherwise
-- (every rebuilt entry is marked `rebuilt`).
insert into case_actions (case_id, seq, action_type, payload, actor_id, occurred_at, effective_on)
select n.id, s.seq, s.action, jsonb_build_object('type', s.action, 'rebuilt', true), s.actor, n.updated_at, s.on_date
from nominations n
cross join lateral (
  select row_number() over (order by ord)::int as seq, action, actor, on_date from (
    select 1 as ord, 'nominate' as action, n.created_by as actor, n.nominated_on as on_date
    union all select 2, 'start_screening', coalesce(a.actor, n.created_by), coalesce(a.on_date, n.decided_on, n.nominated_on) from (select null) x left join lateral (select actor_id as actor, (occurred_at at time zone 'Europe/Prague')::date as on_date from audit_events where entity_type = 'nomination' and entity_id = n.id::text and action = 'nomination.start_screening' order by id limit 1) a on true where n.status in ('screening', 'assessment', 'approved')
    union all select 3, 'start_assessment', coalesce(a.actor, n.created_by), coalesce(a.on_date, n.decided_on, n.nominated_on) from (select null) x left join lateral (select actor_id as actor, (occurred_at at time zone 'Europe/Prague')::date as on_date from audit_events where entity_type = 'nomination' and entity_id = n.id::text and action = 'nomination.start_assessment' order by id limit 1) a on true where n.status in ('assessment', 'approved')
    union all select 4, 'approve', n.first_approver, coalesce(n.decided_on, n.nominated_on) where n.first_approver is not null
    union all select 5, 'approve', n.second_approver, n.decided_on where n.second_approver is not null
    union all select 6, 'decline', coalesce(a.actor, n.created_by), coalesce(a.on_date, n.decided_on, n.nominated_on) from (select null) x left join lateral (select actor_id as actor, (occurred_at at time zone 'Europe/Prague')::date as on_date from audit_events where entity_type = 'nomination' and entity_id = n.id::text and action = 'nomination.decline' order by id limit 1) a on true where n.status = 'declined'
  ) steps
) s;

-- A nomination is the nominee's record of its case (same id); written before the case row in the
-- same transaction, hence deferred.
alter table nominations add constraint nominations_case_fk foreign key (id) references cases (id) deferrable initially deferred;
