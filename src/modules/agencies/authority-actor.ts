/** An authority's system calling the authorities' API with its API key (not a staff session). */
import type { Ctx } from '../../platform/context.ts';
import type { AuthorityClient } from './use-cases/authority-clients.ts';

export interface AuthorityActor {
  kind: 'authority';
  clientId: string;
  client: AuthorityClient;
}

export type AuthorityCtx = Ctx<AuthorityActor>;

export function isAuthorityActor(a: { kind: string } | null | undefined): a is AuthorityActor {
  return a?.kind === 'authority';
}
