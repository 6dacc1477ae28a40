/** Kysely table types. The constraints themselves live in db/migrations/*.sql. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Civil dates travel as 'YYYY-MM-DD' strings (the DATE type parser is set in db.ts). */
type CivilDate = string;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface RegionsTable {
  code: string;
  name_cs: string;
  name_en: string;
  iso: string;
  nuts: string;
}
export interface OfficesTable {
  id: string;
  region_code: string;
  name: string;
  address: string | null;
  address_verified: boolean;
  phone: string | null;
  source: string | null;
}
export interface StaffUsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: 'officer' | 'supervisor' | 'admin' | 'caseworker';
  office_id: string | null;
  org_id: Generated<string | null>;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
export interface ApplicantsTable {
  id: Generated<string>;
  surname: string;
  given_names: string;
  native_name: string | null;
  date_of_birth: CivilDate;
  nationality: string;
  passport_number: string;
  passport_expires_on: CivilDate;
  address: string;
  region_code: string;
  created_at: Timestamp;
  /** The person behind the applicant (0014). */
  person_id: string;
}
export interface CasesTable {
  id: Generated<string>;
  reference: string;
  case_type: string;
  /** Null for a programme case (a Civil Society nomination has no OAMP office). */
  office_id: string | null;
  /** Null where the subject is not an applicant row (a nominee lives in `nominations`). */
  applicant_id: string | null;
  status: string;
  version: Generated<number>;
  ground: string;
  received_on: CivilDate;
  due_on: CivilDate | null;
  clock_running: boolean;
  decided_on: CivilDate | null;
  /** Who holds the case (0015): derived from the log's claim / release / assign actions. */
  assignee_id: Generated<string | null>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface CaseActionsTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  action_type: string;
  payload: Json;
  actor_id: string;
  occurred_at: Timestamp;
  effective_on: CivilDate;
  idempotency_key: string | null;
  /** SHA-256 of the request an Idempotency-Key first answered (0012). */
  request_sha256: string | null;
}
export interface VisasTable {
  id: Generated<string>;
  visa_number: string;
  case_id: string | null;
  applicant_id: string | null;
  nomination_id: Generated<string | null>;
  visa_code: string;
  valid_from: CivilDate;
  valid_to: CivilDate;
  issued_on: CivilDate;
  status: Generated<string>;
  created_at: Timestamp;
  war_related: Generated<boolean>;
  cancelled_on: CivilDate | null;
  cancellation_reason: string | null;
  cancelled_by: string | null;
  /** The holder (0014); null only for a visa recorded before persons whose origin row was missing. */
  person_id: string | null;
}
export interface VisaStickersTable {
  id: Generated<string>;
  visa_id: string;
  sticker_code: string;
  sticker_number: string | null;
  affixed_on: CivilDate;
  office_id: string;
  appointment_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}
export interface VisaExtensionsTable {
  id: Generated<string>;
  visa_id: string;
  rule_id: string;
  run_id: string;
  old_valid_to: CivilDate;
  new_valid_to: CivilDate;
  extended_at: Timestamp;
}
export interface JobRunsTable {
  id: Generated<string>;
  kind: string;
  params: Json;
  status: 'running' | 'succeeded' | 'failed';
  dry_run: boolean;
  total: number;
  done: Generated<number>;
  started_by: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  error: Generated<string | null>;
  heartbeat_at: Generated<Date>;
}
export interface ChangeEventsTable {
  seq: Generated<string>;
  event_id: Generated<string>;
  occurred_at: Timestamp;
  kind: 'visa.granted' | 'visa.extended' | 'visa.cancelled';
  visa_id: string;
  payload: Json;
}
export interface AuthorityClientsTable {
  id: Generated<string>;
  name: string;
  kind: 'health_insurance' | 'labour_office' | 'social_security' | 'other';
  key_prefix: string;
  key_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}
export interface LettersTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  template_version: string;
  sha256: string;
  pdf: Buffer;
  issued_on: CivilDate;
  created_by: string;
  created_at: Timestamp;
  posted_on: CivilDate | null;
  ready_for_collection_on: CivilDate | null;
  delivered_on: CivilDate | null;
  delivery_how: string | null;
}
export interface NumberSequencesTable {
  scope: string;
  next_value: number;
}
export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface PersonsTable {
  id: Generated<string>;
  surname: string;
  given_names: string;
  native_name: string | null;
  date_of_birth: CivilDate;
  nationality: string;
  sex: 'M' | 'F' | 'X' | null;
  merged_into: string | null;
  variants_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PersonPassportsTable {
  person_id: string;
  number: string;
  nationality: string;
  expires_on: CivilDate | null;
  source: string;
  recorded_at: Timestamp;
}
export interface PersonNameVariantsTable {
  person_id: string;
  system: string;
  variant: string;
  folded: string;
  made_from: string;
  language: string | null;
}
export interface PersonLinksTable {
  id: Generated<string>;
  kind: 'link' | 'merge' | 'distinct';
  person_id: string;
  other_id: string;
  decided_by: string | null;
  decided_at: Timestamp;
  reversed_by: string | null;
  reversed_at: Timestamp | null;
}

export interface Database {
  persons: PersonsTable;
  person_passports: PersonPassportsTable;
  person_name_variants: PersonNameVariantsTable;
  person_links: PersonLinksTable;
  regions: RegionsTable;
  offices: OfficesTable;
  staff_users: StaffUsersTable;
  sessions: SessionsTable;
  applicants: ApplicantsTable;
  cases: CasesTable;
  case_actions: CaseActionsTable;
  visas: VisasTable;
  letters: LettersTable;
  number_sequences: NumberSequencesTable;
  audit_events: AuditEventsTable;
  visa_extensions: VisaExtensionsTable;
  visa_stickers: VisaStickersTable;
  job_runs: JobRunsTable;
  change_events: ChangeEventsTable;
  authority_clients: AuthorityClientsTable;
  office_hours: OfficeHoursTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  authority_subscriptions: AuthoritySubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_dead_letters: WebhookDeadLettersTable;
  partner_orgs: { id: Generated<string>; name: string; created_at: Timestamp };
  nominations: NominationsTable;
  nomination_assignments: { nomination_id: string; officer_id: string; assigned_by: string; assigned_at: Timestamp };
  nomination_evidence: {
    id: Generated<string>;
    nomination_id: string;
    mime: string;
    size_bytes: number;
    name_ct: Buffer;
    content_ct: Buffer;
    created_at: Timestamp;
  };
}
export interface NominationsTable {
  id: string;
  reference: string;
  org_id: string;
  created_by: string;
  nationality: string;
  surname: string;
  given_names: string;
  native_name: string | null;
  date_of_birth: CivilDate;
  passport_number: string;
  category: string;
  public_record: Json;
  visa_type: 'C' | 'D';
  lodging_post: string;
  narrative_ct: Buffer;
  contacts_ct: Buffer | null;
  dek_wrapped: Buffer;
  dek_master_id: string;
  status: 'nominated' | 'screening' | 'assessment' | 'approved' | 'declined';
  version: Generated<number>;
  first_approver: string | null;
  second_approver: string | null;
  decline_reasons_ct: Buffer | null;
  nominated_on: CivilDate;
  decided_on: CivilDate | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The nominee as a person (0014). */
  person_id: string;
}
export interface AuthoritySubscriptionsTable {
  client_id: string;
  url: string;
  secret: string | null;
  secret_sealed: Buffer | null;
  secret_master_id: string | null;
  cursor_seq: Generated<string>;
  active: Generated<boolean>;
  created_at: Timestamp;
}
export interface WebhookDeliveriesTable {
  client_id: string;
  event_id: string;
  seq: string;
  delivered_at: Timestamp;
}
export interface WebhookDeadLettersTable {
  id: Generated<string>;
  client_id: string;
  seq: string;
  error: string | null;
  failed_at: Timestamp;
  replayed_at: Timestamp | null;
}
export interface OfficeHoursTable {
  office_id: string;
  weekday: number;
  opens: string;
  closes: string;
}
export interface AppointmentSlotsTable {
  id: Generated<string>;
  office_id: string;
  purpose: 'sticker';
  starts_at: Timestamp;
  minutes: number;
  capacity: number;
  booked: Generated<number>;
}
export interface AppointmentsTable {
  id: Generated<string>;
  code: string;
  slot_id: string;
  visa_id: string;
  purpose: string;
  status: 'booked' | 'cancelled' | 'attended';
  idempotency_key: string | null;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
