-- Issue 12: who holds a case (přidělení). The log's claim / release / assign actions decide it; the
-- projection row keeps the result for the work queue ("only mine", "held by …"). Existing cases
-- are held by nobody.
alter table cases add column assignee_id uuid references staff_users(id);
create index cases_office_assignee_idx on cases (office_id, assignee_id) where assignee_id is not null;
