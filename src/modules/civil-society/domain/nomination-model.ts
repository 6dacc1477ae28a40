/**
 * A Civil Society programme nomination: nominated by a partner NGO → screening → individual
 * assessment → approved by two distinct officers (four eyes) or declined with reasons.
 */
export type NominationStatus = 'nominated' | 'screening' | 'assessment' | 'approved' | 'declined';
export type NominationAction = 'start_screening' | 'start_assessment' | 'approve' | 'decline';

export const NEXT: Record<NominationStatus, Partial<Record<NominationAction, NominationStatus>>> = {
  nominated: { start_screening: 'screening', decline: 'declined' },
  screening: { start_assessment: 'assessment', decline: 'declined' },
  assessment: { approve: 'assessment', decline: 'declined' },
  approved: {},
  declined: {},
};

/** What an NGO may see: a coarse status, nothing internal (screening and assessment look alike to it). */
export function statusForNgo(s: NominationStatus): 'nominated' | 'in_assessment' | 'approved' | 'declined' {
  return s === 'screening' || s === 'assessment' ? 'in_assessment' : s;
}

export const CATEGORIES = ['journalist', 'academic', 'human_rights_activist', 'civil_society_figure', 'relative'] as const;

/** Evidence files: what the programme accepts, recognised by their first bytes, not by the declared type. */
/** A Map, not an object literal: a declared type such as "constructor" or "__proto__" is simply not in it. */
export const EVIDENCE_TYPES: ReadonlyMap<string, (b: Buffer) => boolean> = new Map([
  ['application/pdf', (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['image/jpeg', (b: Buffer) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/png', (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
]);
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The evidence type a file's first bytes show, or null when they are none of the three. The NGO
 * portal goes by this, never by the file's name or the type the browser declares.
 */
export function sniffEvidenceType(content: Buffer): string | null {
  for (const [mime, check] of EVIDENCE_TYPES) if (check(content)) return mime;
  return null;
}
