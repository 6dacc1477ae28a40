/**
 * The register's routes in the access matrix: the office's appointments of a day (API), and the
 * register pages (find a visa, a visa's page with cancellation and stickers, the appointments of the
 * day with slot creation, the mass extension with its runs and history).
 */
import type { Declaration, Expectations } from '../access-matrix.ts';

/** A staff API route: no staff session → 401. */
const api = (e: Omit<Expectations, 'anonymous' | 'authority' | 'holder'>): Expectations => ({
  anonymous: 401,
  authority: 401,
  holder: 401,
  ...e,
});

export const DECLS: Record<string, Declaration> = {
  'GET /api/v1/offices/:id/appointments': {
    call: () => ({ url: '/api/v1/offices/PHA-ZUK/appointments?day=2026-03-03' }),
    expect: api({ officerA: 'ok', supervisor: 'ok', officerB: 403, admin: 403, ngoA: 403, ngoB: 403 }),
    why: 'The office’s own counter staff; offices are public, so another office’s day is refused (403), not hidden.',
  },
};
