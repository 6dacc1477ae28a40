-- The mass extension walks the valid visas of an issue-date window in (issued_on, id) order, a batch at
-- a time, starting each batch after the last key of the one before. This index makes every batch a
-- range read of its own rows, so a run over a million visas costs in proportion to N, not N².
drop index visas_extension_idx;
create index visas_extension_walk_idx on visas (issued_on, id) where status = 'valid';

-- Verification by passport number and date of birth finds the applicant by applicants_passport_idx,
-- then the applicant's visas: without this index that second step read the whole visas table.
create index visas_applicant_idx on visas (applicant_id);
