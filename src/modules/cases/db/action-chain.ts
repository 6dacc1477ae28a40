/** The hash chain over the case log (migration 0013): verified and anchored by the platform's chain code. */
import type { Db } from '../../../platform/db/db.ts';
import { chainAnchor, verifyChain } from '../../../platform/audit-chain.ts';

export const CASE_ACTIONS_CHAIN = 'case_actions';

export const verifyCaseActionChain = (db: Db) => verifyChain(db, CASE_ACTIONS_CHAIN);
export const caseActionChainAnchor = (db: Db) => chainAnchor(db, CASE_ACTIONS_CHAIN);
