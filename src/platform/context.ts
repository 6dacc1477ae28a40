/** What every use case receives: the database (or the transaction it runs in), the clock and who acts. */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/db.ts';

export type Role = 'officer' | 'supervisor' | 'admin' | 'caseworker';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  /** A caseworker's partner organisation. */
  orgId: string | null;
}

export interface Ctx {
  db: Db;
  clock: Clock;
  config: Config;
  actor: Actor;
  requestId: string | null;
}
