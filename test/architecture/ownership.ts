/**
 * Which module owns which table. A module's code may name only its own tables (and, through the
 * platform writers, the platform's); another module's data comes through the owner's index.ts.
 */
export const TABLE_OWNERS: Record<string, string> = {
  // platform writers: the outbox (change feed), the hash-chained audit log, per-scope number sequences
  change_events: 'platform',
  audit_events: 'platform',
  number_sequences: 'platform',
  staff_users: 'auth',
  sessions: 'auth',
  regions: 'offices',
  offices: 'offices',
  applicants: 'cases',
  cases: 'cases',
  case_actions: 'cases',
  letters: 'letters',
  visas: 'visas',
  visa_extensions: 'visas',
  visa_stickers: 'visas',
  job_runs: 'visas',
  authority_clients: 'agencies',
  authority_subscriptions: 'agencies',
  webhook_deliveries: 'agencies',
  webhook_dead_letters: 'agencies',
  office_hours: 'appointments',
  appointment_slots: 'appointments',
  appointments: 'appointments',
  partner_orgs: 'civil-society',
  nominations: 'civil-society',
  nomination_assignments: 'civil-society',
  nomination_evidence: 'civil-society',
  // web (src/modules/web): the applicant's pages. It owns no table: the navigator keeps its answers in the
  // page address, and reads offices and policy through their index.ts.
  // people (0014): identity behind every spelling; cases, nominations and visas refer to persons.person_id
  persons: 'people',
  person_passports: 'people',
  person_name_variants: 'people',
  person_links: 'people',
};
