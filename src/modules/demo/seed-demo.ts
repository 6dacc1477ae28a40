/**
 * Demo data for `npm start` and `pobyt seed --demo`: the office directory, staff users with
 * generated passwords (saved to <dataDir>/demo-credentials.json, mode 0600, never in the repo),
 * and a few fictional tolerance-visa cases in Prague at different stages.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { StaffActor } from '../auth/index.ts';
import type { Db } from '../../platform/db/db.ts';
import { upsertDirectory } from '../offices/index.ts';
import { createStaffUser, findActorByUsername, hasStaffUsers } from '../auth/index.ts';
import { insertPartnerOrg } from '../civil-society/index.ts';
import { addDays, todayInPrague } from '../calendar/index.ts';
import { actOnOfficeCase, hasCases, openOfficeCase, type ToleranceIntake } from '../cases/index.ts';
import { DEMO_HOURS, generateSlots, setOfficeHours } from '../appointments/index.ts';
import { createAuthorityClient } from '../agencies/index.ts';

export interface DemoLogin {
  username: string;
  password: string;
  role: StaffActor['role'];
  officeId: string | null;
}

const DEMO_USERS: Omit<DemoLogin, 'password'>[] = [
  { username: 'officer', role: 'officer', officeId: 'PHA-ZUK' },
  { username: 'officer2', role: 'officer', officeId: 'PHA-ZUK' },
  { username: 'supervisor', role: 'supervisor', officeId: 'PHA-ZUK' },
  { username: 'officer.brno', role: 'officer', officeId: 'JHM-BRN' },
  { username: 'admin', role: 'admin', officeId: null },
  { username: 'ngo', role: 'caseworker', officeId: null },
];
const NAMES: Record<string, string> = {
  officer: 'Jana Nováková',
  officer2: 'Tomáš Černý',
  supervisor: 'Petr Dvořák',
  'officer.brno': 'Eva Svobodová',
  admin: 'Správce systému',
  ngo: 'Demo NGO caseworker',
};

function credentialsFile(config: Config) {
  return join(config.dataDir, 'demo-credentials.json');
}

export interface DemoExtras {
  holder: { visaNumber: string; dateOfBirth: string };
  authorityApiKey: string;
}

function writeDemoExtras(config: Config, extras: DemoExtras) {
  writeFileSync(join(config.dataDir, 'demo-extras.json'), JSON.stringify(extras, null, 2), { mode: 0o600 });
}

export function readDemoExtras(config: Config): DemoExtras | null {
  const f = join(config.dataDir, 'demo-extras.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as DemoExtras) : null;
}

export function readDemoLogins(config: Config): DemoLogin[] {
  const f = credentialsFile(config);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as DemoLogin[]) : [];
}

function applicant(surname: string, given: string, native: string, dob: string, passport: string): ToleranceIntake['applicant'] {
  return {
    surname,
    givenNames: given,
    nativeName: native,
    dateOfBirth: dob,
    nationality: 'UKR',
    passportNumber: passport,
    passportExpiresOn: '2029-05-31',
    address: 'Bělehradská 12, 120 00 Praha 2',
    regionCode: 'CZ-10',
  };
}

function checklist(over: Partial<ToleranceIntake['checklist']> = {}): ToleranceIntake['checklist'] {
  return {
    applicationForm: {
      submitted: true,
      inCzech: true,
      fields: { surname: 'KOVALENKO', givenNames: 'OLENA', addressInCzechia: 'BĚLEHRADSKÁ 12, PRAHA 2' },
    },
    passport: { submitted: true },
    photo: { submitted: true },
    fee: { method: 'duty_stamps', amountCzk: 300 },
    affidavit: { submitted: true, notarised: true },
    ...over,
  };
}

export async function seedDemo(db: Db, config: Config, clock: Clock): Promise<{ logins: DemoLogin[]; createdCases: number }> {
  await upsertDirectory(db);
  let logins = readDemoLogins(config);
  if (!(await hasStaffUsers(db))) {
    logins = [];
    const org = await insertPartnerOrg(db, 'Demo partner NGO');
    for (const u of DEMO_USERS) {
      const password = randomBytes(12).toString('base64url');
      await createStaffUser(db, { ...u, displayName: NAMES[u.username]!, password, orgId: u.role === 'caseworker' ? org.id : null });
      logins.push({ ...u, password });
    }
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(credentialsFile(config), JSON.stringify(logins, null, 2), { mode: 0o600 });
  }
  if (await hasCases(db)) return { logins, createdCases: 0 };
  const officer = await findActorByUsername(db, 'officer');
  if (!officer) return { logins, createdCases: 0 };
  const actor: StaffActor = { ...officer, orgId: null };
  const ctx = { db, clock, config, actor, requestId: 'seed' };
  const today = todayInPrague(clock.now());
  // A tolerance application received on `daysAgo`, from the counter of the demo officer.
  const intake = (daysAgo: number, who: Parameters<typeof applicant>, list = checklist()) =>
    openOfficeCase(
      ctx,
      'tolerance_visa',
      { ground: '33-1-a', receivedOn: addDays(today, -daysAgo), applicant: applicant(...who), checklist: list },
      null,
    );
  await intake(26, ['KOVALENKO', 'OLENA', 'Коваленко Олена', '1986-04-12', 'FE123456']);
  await intake(3, ['BONDARENKO', 'MYKOLA', 'Бондаренко Микола', '1971-11-02', 'FK654321']);
  await intake(
    1,
    ['TKACHENKO', 'IRYNA', 'Ткаченко Ірина', '1993-07-30', 'FM777001'],
    checklist({ fee: { method: 'cash', amountCzk: 300 }, photo: { submitted: false } }),
  );
  const c4 = await intake(12, ['MELNYK', 'ANDRII', 'Мельник Андрій', '1980-01-15', 'FN100200']);
  await actOnOfficeCase(ctx, {
    caseId: c4.id,
    action: 'interrupt',
    version: c4.version,
    input: {
      on: addDays(today, -5),
      requested: 'Doložte prosím úředně přeložený doklad o zdravotním stavu.',
      respondBy: addDays(today, 10),
    },
    idempotencyKey: null,
  });
  // A granted visa whose holder can book a sticker appointment, and slots to book.
  const c5 = await intake(20, ['SAVCHUK', 'DARYNA', 'Савчук Дарина', '1990-05-05', 'FP246810']);
  const granted = await actOnOfficeCase(ctx, {
    caseId: c5.id,
    action: 'grant',
    version: c5.version,
    input: { validFrom: today, validTo: addDays(today, 364) },
    idempotencyKey: null,
  });
  for (const o of ['PHA-ZUK', 'PHA-CHO', 'JHM-BRN']) {
    await setOfficeHours(db, o, DEMO_HOURS);
    await generateSlots(db, { officeId: o, from: addDays(today, 1), to: addDays(today, 14), minutes: 30, capacity: 3 });
  }
  // A demo health-insurance client; its key is kept with the demo logins.
  const admin = await findActorByUsername(db, 'admin');
  if (!admin) throw new Error('the demo admin is missing');
  const adminActor: StaffActor = { ...admin, officeId: null, orgId: null };
  const authority = await createAuthorityClient({ ...ctx, actor: adminActor }, { name: 'Demo health insurer', kind: 'health_insurance' });
  writeDemoExtras(config, {
    holder: { visaNumber: granted.visa!.visaNumber, dateOfBirth: '1990-05-05' },
    authorityApiKey: authority.apiKey,
  });
  return { logins, createdCases: 5 };
}
