-- Issue 10: a tamper-evident audit. Every row of audit_events and of case_actions commits to the row
-- before it: row_hash = sha256(prev_hash || the row's canonical bytes), prev_hash = the row_hash of
-- the row before it in id order (for the first row, a per-table genesis value). A superuser who
-- disables the append-only trigger and changes, deletes, inserts or reorders a row breaks the chain
-- at that row; `pobyt audit verify` (src/platform/audit-chain.ts) finds the first broken link.
--
-- Chaining runs in a BEFORE INSERT trigger under one transaction-level advisory lock per table: the
-- first chained row of a transaction takes the lock, reads the last row_hash and re-numbers the row
-- from the id sequence, so the id order is the chain order even when transactions commit in another
-- order than they drew their ids. The last hash is then kept in a transaction-local setting, so the
-- further rows of the transaction (a set-based batch such as the mass extension, thousands of rows in
-- one statement) chain without another lookup. A rolled-back savepoint reverts the setting with the
-- rows. Concurrent writers of one table queue on the lock until the holder commits — the price of a
-- single chain; a transaction holds it only from its first audit row to its commit.
--
-- sha256(bytea) is built into PostgreSQL 11+ (and PGlite); no extension is needed.

create function chain_genesis(tbl text) returns bytea language sql immutable as $$
  select sha256(convert_to('pobyt chain genesis ' || tbl, 'UTF8'))
$$;

-- The canonical bytes of a row: a JSON array of its columns (the id excluded — the chain itself fixes
-- the order). jsonb text is independent of the session's settings; times go as epoch seconds, dates
-- as ISO strings, so DateStyle and TimeZone change nothing.
create function audit_events_chain_bytes(e audit_events) returns bytea language sql stable as $$
  select convert_to(jsonb_build_array(extract(epoch from e.occurred_at), e.actor_id, e.action, e.entity_type,
    e.entity_id, e.before, e.after, e.request_id)::text, 'UTF8')
$$;

create function case_actions_chain_bytes(a case_actions) returns bytea language sql stable as $$
  select convert_to(jsonb_build_array(a.case_id, a.seq, a.action_type, a.payload, a.actor_id,
    extract(epoch from a.occurred_at), to_jsonb(a.effective_on), a.idempotency_key, a.request_sha256)::text, 'UTF8')
$$;

alter table audit_events add column prev_hash bytea, add column row_hash bytea;
alter table case_actions add column prev_hash bytea, add column row_hash bytea;

-- Existing rows, chained in id order (the append-only triggers are set aside for this one migration).
alter table audit_events disable trigger audit_events_append_only;
alter table case_actions disable trigger case_actions_append_only;
do $$
declare
  prev bytea := chain_genesis('audit_events');
  r record;
begin
  for r in select e.id, audit_events_chain_bytes(e) as b from audit_events e order by e.id loop
    update audit_events set prev_hash = prev, row_hash = sha256(prev || r.b) where id = r.id;
    prev := sha256(prev || r.b);
  end loop;
  prev := chain_genesis('case_actions');
  for r in select a.id, case_actions_chain_bytes(a) as b from case_actions a order by a.id loop
    update case_actions set prev_hash = prev, row_hash = sha256(prev || r.b) where id = r.id;
    prev := sha256(prev || r.b);
  end loop;
end $$;
alter table audit_events enable trigger audit_events_append_only;
alter table case_actions enable trigger case_actions_append_only;

alter table audit_events alter column prev_hash set not null, alter column row_hash set not null;
alter table case_actions alter column prev_hash set not null, alter column row_hash set not null;

-- The advisory lock keys: (7023, 1) for audit_events, (7023, 2) for case_actions. The setting is
-- written by assignment, not PERFORM, which would run a query per row.
create function audit_events_chain() returns trigger language plpgsql as $$
declare
  last text := current_setting('pobyt.chain_audit_events', true);
  prev bytea;
begin
  if last is null or last = '' then
    perform pg_advisory_xact_lock(7023, 1);
    select row_hash into prev from audit_events order by id desc limit 1;
    prev := coalesce(prev, chain_genesis('audit_events'));
  else
    prev := decode(last, 'hex');
  end if;
  new.id := nextval('audit_events_id_seq');
  new.prev_hash := prev;
  new.row_hash := sha256(prev || audit_events_chain_bytes(new));
  last := set_config('pobyt.chain_audit_events', encode(new.row_hash, 'hex'), true);
  return new;
end $$;

create function case_actions_chain() returns trigger language plpgsql as $$
declare
  last text := current_setting('pobyt.chain_case_actions', true);
  prev bytea;
begin
  if last is null or last = '' then
    perform pg_advisory_xact_lock(7023, 2);
    select row_hash into prev from case_actions order by id desc limit 1;
    prev := coalesce(prev, chain_genesis('case_actions'));
  else
    prev := decode(last, 'hex');
  end if;
  new.id := nextval('case_actions_id_seq');
  new.prev_hash := prev;
  new.row_hash := sha256(prev || case_actions_chain_bytes(new));
  last := set_config('pobyt.chain_case_actions', encode(new.row_hash, 'hex'), true);
  return new;
end $$;

create trigger audit_events_chain before insert on audit_events for each row execute function audit_events_chain();
create trigger case_actions_chain before insert on case_actions for each row execute function case_actions_chain();
