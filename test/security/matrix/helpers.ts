/** The matrix's vocabulary, shared by test/security/access-matrix.ts and the areas' files beside this one. */
export const PRINCIPALS = ['anonymous', 'officerA', 'officerB', 'supervisor', 'admin', 'ngoA', 'ngoB', 'authority', 'holder'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Expect = 'ok' | 'to-check' | 'to-sign-in' | number;
export type Expectations = Record<Principal, Expect>;

/** The objects the test seeded (all of office A / organisation A) and how to read their current state. */
export interface World {
  caseId: string;
  humanitarianCaseId: string;
  /** The persons behind the tolerance and the humanitarian case (both office A). */
  personId: string;
  otherPersonId: string;
  letterId: string;
  caseVersion(id: string): Promise<number>;
  nominationId: string;
  nominationVersion(): Promise<number>;
  evidenceId: string;
  officerAId: string;
  otherOfficerAId: string;
  visaNumber: string;
  visaToCancel: string;
  /** The same two visas by their internal id (the staff pages' URLs carry no visa number). */
  visaId: string;
  visaToCancelId: string;
  holderBirthDate: string;
  /** The code of the holder's active booking (booked anew when the last one was cancelled). */
  activeAppointment(): Promise<string>;
  slotIds: string[];
  jobId: string;
  authorityClientId: string;
  victimAuthorityId: string;
  deadLetterId: string;
  /** A fresh name for things that must be unique (organisations, usernames). */
  unique(prefix: string): string;
}

export interface Call {
  /** The concrete URL (the route's parameters filled in). */
  url: string;
  body?: unknown;
  /** A form (the pages): sent urlencoded, with the principal's CSRF token. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sign in anew for this call (logout ends the session it is sent with). */
  freshSession?: boolean;
}

export interface Declaration {
  call: (w: World, p: Principal) => Call | Promise<Call>;
  expect: Expectations;
  /** Why the matrix reads as it does, where it is not obvious. */
  why?: string;
}

export const STAFF = ['officerA', 'officerB', 'supervisor', 'admin', 'ngoA', 'ngoB'] as const;
export type Staff = (typeof STAFF)[number];

/** Everyone gets `e`. */
export function all(e: Expect): Expectations {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, e])) as Expectations;
}

/** A staff route: those who hold no staff session (anonymous, an authority's key, a holder) get 401; the staff as given. */
export function staff(e: Record<Staff, Expect>): Expectations {
  return { anonymous: 401, authority: 401, holder: 401, ...e };
}

/**
 * A staff page: without a staff session (anonymous, an authority's key, a holder) the page sends the
 * browser to the sign-in page (303); the staff as given (a page refuses a role with its 403 page and
 * another office's object with its 404 page).
 */
export function staffPage(e: Record<Staff, Expect>): Expectations {
  return { anonymous: 'to-sign-in', authority: 'to-sign-in', holder: 'to-sign-in', ...e };
}
