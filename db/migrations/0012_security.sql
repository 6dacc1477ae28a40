-- Issue 10, defect 1: an Idempotency-Key is bound to the request it first answered. The SHA-256 of
-- the request (canonical JSON of the body, and for an action its case) is kept with the action the
-- key recorded; a later request with the key and another body is refused. Rows written before this
-- migration have none and replay as before (after the access check).
alter table case_actions add column request_sha256 text;
