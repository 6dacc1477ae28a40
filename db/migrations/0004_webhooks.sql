-- Webhook delivery of the change feed to subscribed authorities: one subscription per client with the
-- outbox cursor it has been queued up to, a record of each delivered event (the sender's side of
-- "exactly once per idempotency key"), and the dead letters an administrator can replay.
create table authority_subscriptions (
  client_id  uuid primary key references authority_clients(id),
  url        text not null check (url ~ '^https?://'),
  secret     text not null,
  cursor_seq bigint not null default 0,
  active     boolean not null default true,
  created_at timestamptz not null default now()
);

create table webhook_deliveries (
  client_id    uuid not null references authority_clients(id),
  event_id     uuid not null,
  seq          bigint not null,
  delivered_at timestamptz not null default now(),
  primary key (client_id, event_id)
);

create table webhook_dead_letters (
  id          bigserial primary key,
  client_id   uuid not null references authority_clients(id),
  seq         bigint not null,
  error       text,
  failed_at   timestamptz not null default now(),
  replayed_at timestamptz
);
