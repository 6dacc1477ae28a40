/**
 * What every use case receives: the database (or the transaction it runs in), the clock, the
 * configuration and who acts. Platform knows no roles: each kind of actor (staff, authority client,
 * holder) is defined by the module that authenticates it, and the union is assembled in src/app.ts.
 */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/db.ts';

export interface Ctx<A = unknown> {
  db: Db;
  clock: Clock;
  config: Config;
  actor: A;
  requestId: string | null;
}

/** Every actor names its kind; modules narrow on it. */
export interface ActorBase {
  readonly kind: string;
}

/** Someone on a public route who has not identified themselves. */
export interface AnonymousActor {
  kind: 'anonymous';
}

export type AnonymousCtx = Ctx<AnonymousActor>;
