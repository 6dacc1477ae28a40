/** The error codes the policy module raises (NoRuleInForceError carries POLICY.NO_RULE_IN_FORCE). */
import { defineErrors } from '../../platform/errors.ts';

export const PolicyErrors = defineErrors('POLICY', {
  NO_RULE_IN_FORCE: { status: 422, title: 'No rule in force on that date' },
});
