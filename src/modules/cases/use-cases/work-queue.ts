/**
 * The office's work queue: its open cases by days left, with who holds each one (and, when asked, the
 * applicant's name); filtered by status and "only mine"; and the search inside it by reference, name
 * (any script, through the people module's search) or passport number. A read that shows names is
 * audited with the case ids it showed — never the search terms, which reach the server in a POST body only.
 */
import type { Db, Trx } from '../../../platform/db/db.ts';
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { officeCaseworkers, requireOffice, requirePermission, staffMembers, type StaffCtx } from '../../auth/index.ts';
import { calendarDaysLeft, todayInPrague } from '../../calendar/index.ts';
import { NameCharacterError, runSearch } from '../../people/index.ts';
import { listOpenCases, searchOpenCases } from '../db/cases.queries.ts';
import { registeredCaseTypes } from '../engine/registry.ts';

export interface QueueOptions {
  /** Another office than the caller's: refused (AUTH.FORBIDDEN), named for the API's explicit `office`. */
  officeId?: string;
  /** Only these statuses (each must be an open status of an office type); default: every open one. */
  statuses?: readonly string[];
  /** Only the cases the caller holds. */
  mine?: boolean;
  /** With the applicant's name on each row (the read is then audited with the case ids it showed). */
  withNames?: boolean;
}

/** Every status an office type declares open, in declaration order (the queue's status filters). */
export function openOfficeStatuses(): string[] {
  const open = registeredCaseTypes()
    .filter((t) => t.scope.kind === 'office')
    .flatMap((t) => t.openStatuses as readonly string[]);
  return [...new Set(open)];
}

function queueScope(ctx: StaffCtx, o: QueueOptions) {
  requirePermission(ctx.actor, 'queue.read');
  const office = o.officeId ?? ctx.actor.officeId!;
  requireOffice(ctx.actor, office);
  const open = openOfficeStatuses();
  const unknown = (o.statuses ?? []).filter((s) => !open.includes(s));
  if (unknown.length)
    throw validationFailed([
      fieldError('/status', 'NOT_AN_OPEN_STATUS', `Not an open status: ${unknown.join(', ')}; open: ${open.join(', ')}`),
    ]);
  const statuses = o.statuses?.length ? open.filter((s) => o.statuses!.includes(s)) : open;
  return { office, statuses, assigneeId: o.mine ? ctx.actor.id : null };
}

async function queueItems(db: Db | Trx, ctx: StaffCtx, office: string, f: Parameters<typeof listOpenCases>[2], withNames: boolean) {
  const today = todayInPrague(ctx.clock.now());
  const rows = await listOpenCases(db, office, f);
  const holders = await staffMembers(
    db,
    rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])),
  );
  const items = rows.map((r) => {
    const holder = r.assignee_id ? holders.get(r.assignee_id) : undefined;
    return {
      id: r.id,
      reference: r.reference,
      caseType: r.case_type,
      status: r.status,
      version: r.version,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      clockRunning: r.clock_running,
      daysLeft: r.due_on && r.clock_running ? calendarDaysLeft(r.due_on, today) : null,
      overdue: Boolean(r.due_on && r.clock_running && r.due_on < today),
      ...(withNames ? { applicant: { surname: r.surname, givenNames: r.given_names } } : {}),
      assignee: holder ? { id: holder.id, displayName: holder.displayName } : null,
    };
  });
  return { officeId: office, asOf: today, items };
}

export type QueueView = Awaited<ReturnType<typeof queueItems>>;
export type QueueItem = QueueView['items'][number];

/**
 * Open cases of an office by days left; interrupted cases (clock stopped) last. Names only when asked
 * for (the officer's page): such a read is audited, as opening a case is. @throws AUTH.FORBIDDEN, VALIDATION.FAILED
 */
export async function listWorkQueue(ctx: StaffCtx, o: QueueOptions = {}): Promise<QueueView> {
  const { office, statuses, assigneeId } = queueScope(ctx, o);
  if (!o.withNames) return queueItems(ctx.db, ctx, office, { statuses, assigneeId }, false);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await queueItems(trx, ctx, office, { statuses, assigneeId }, true);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'queue.read',
      entityType: 'office',
      entityId: office,
      requestId: ctx.requestId,
      after: { cases: view.items.map((i) => i.id), statuses: o.statuses ?? null, mine: Boolean(o.mine) },
    });
    return view;
  });
}

/** A reference is letters, digits, dashes and slashes with a digit in it (`OAM-000123/PHA-ZUK-2026`, `000123`). */
const REFERENCE_LIKE = /^(?=.*\d)[A-Z0-9/-]+$/;
/** A passport number as the register keeps it: capital letters and digits. */
const PASSPORT_LIKE = /^[A-Z0-9]{5,20}$/;

/** The people search's hits, or none for terms it cannot read as a name (it refuses them before any SQL). */
async function peopleMatching(trx: Trx, ctx: StaffCtx, q: string) {
  try {
    return await runSearch(trx, ctx.actor, { q, limit: 50 });
  } catch (e) {
    if (e instanceof AppError || e instanceof NameCharacterError) return [];
    throw e;
  }
}

/**
 * Search inside the queue: the terms are tried as a reference (contained), a passport number (exact,
 * spaces ignored) and a name (any script through the people module's search, and contained as plain
 * text); each hit says what it matched. @throws AUTH.FORBIDDEN, VALIDATION.FAILED
 */
export async function searchWorkQueue(
  ctx: StaffCtx,
  input: { q: string; mine?: boolean },
): Promise<
  QueueView & {
    items: (QueueItem & { applicant: { surname: string; givenNames: string }; matchedBy: ('reference' | 'name' | 'passport')[] })[];
  }
> {
  const { office, statuses, assigneeId } = queueScope(ctx, { mine: input.mine });
  const q = input.q.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (q.length < 2) throw validationFailed([fieldError('/q', 'TOO_SHORT', 'Type at least two characters.')]);
  const compact = q.replace(/\s/g, '').toUpperCase();
  const hasLetters = /\p{L}/u.test(q);
  return ctx.db.transaction().execute(async (trx) => {
    // The people module's search ranks persons in any script; its scope port limits them to the
    // persons behind the caller's office's cases, and the query below to this office's open ones.
    const persons = hasLetters ? await peopleMatching(trx, ctx, q) : [];
    const hits = await searchOpenCases(trx, office, statuses, {
      reference: REFERENCE_LIKE.test(compact) ? compact : null,
      passport: PASSPORT_LIKE.test(compact) ? compact : null,
      name: hasLetters ? q : null,
      personIds: persons.map((p) => p.personId),
    });
    const matched = new Map(hits.map((h) => [h.id, h.matchedBy]));
    const view = await queueItems(trx, ctx, office, { statuses, assigneeId, caseIds: [...matched.keys()] }, true);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'queue.search',
      entityType: 'office',
      entityId: office,
      requestId: ctx.requestId,
      // what was found, never what was typed
      after: { cases: view.items.map((i) => i.id), mine: Boolean(input.mine) },
    });
    return {
      ...view,
      items: view.items.map((i) => ({ ...i, applicant: i.applicant!, matchedBy: [...(matched.get(i.id) ?? [])] })),
    };
  });
}

/** Whom a supervisor may assign the office's cases to: its active officers and supervisors. @throws AUTH.FORBIDDEN */
export async function assignableOfficers(ctx: StaffCtx): Promise<{ id: string; displayName: string }[]> {
  requirePermission(ctx.actor, 'case.assign');
  return (await officeCaseworkers(ctx.db, ctx.actor.officeId!)).map((o) => ({ id: o.id, displayName: o.displayName }));
}
