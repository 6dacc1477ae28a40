-- Webhook signing secrets are kept sealed by a master key (AES-256-GCM, bound to the client id), not
-- in plaintext. Rows written before this migration keep their plaintext secret until the service next
-- starts with a keyring, which seals them (agencies/webhooks/secrets.ts); a row holds exactly one form.
alter table authority_subscriptions alter column secret drop not null;
alter table authority_subscriptions add column secret_sealed bytea;
alter table authority_subscriptions add column secret_master_id text;
alter table authority_subscriptions add constraint authority_subscriptions_secret_one_form
  check ((secret is null) = (secret_sealed is not null and secret_master_id is not null));
