/** SQL of authority clients used outside their own use cases. */
import type { Db, Trx } from '../../../platform/db/db.ts';

export function findActiveClientId(db: Db | Trx, id: string) {
  return db.selectFrom('authority_clients').select('id').where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
}
