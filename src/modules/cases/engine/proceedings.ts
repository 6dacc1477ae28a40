/**
 * The administrative proceedings an OAMP application opens (Act 500/2004 Coll.): under assessment,
 * interrupted with a request to complete (the clock stands), then granted, refused, withdrawn or
 * discontinued; a returned (inadmissible) application has no proceedings. While the case is open an
 * officer claims and releases it and a supervisor assigns it (`assignment-actions.ts`). Types that run these
 * proceedings spread this block into their declaration and say which letters they send.
 */
import {
  discontinueAction,
  grantAction,
  interruptAction,
  LETTER_STEPS,
  letterDeliveryAction,
  letterPostedAction,
  refuseAction,
  resumeAction,
  withdrawAction,
} from './standard-actions.ts';
import { ASSIGNMENT_STEPS, assignmentActions } from './assignment-actions.ts';

export function administrativeProceedings(opts: {
  letters: 'letter' | { none: string };
  warRelatedByDefault: (nationality: string) => boolean;
}) {
  const l = opts.letters;
  return {
    statuses: ['inadmissible', 'under_assessment', 'interrupted', 'granted', 'refused', 'withdrawn', 'discontinued'] as const,
    openStatuses: ['under_assessment', 'interrupted'] as const,
    transitions: {
      // Returned application: no proceedings; only the return letter's posting and delivery.
      inadmissible: { ...LETTER_STEPS },
      under_assessment: {
        interrupt: 'interrupted',
        grant: 'granted',
        refuse: 'refused',
        withdraw: 'withdrawn',
        discontinue: 'discontinued',
        ...LETTER_STEPS,
        ...ASSIGNMENT_STEPS,
      },
      // While interrupted the clock stands; the officer resumes before deciding. The applicant may still withdraw.
      interrupted: {
        resume: 'under_assessment',
        withdraw: 'withdrawn',
        discontinue: 'discontinued',
        ...LETTER_STEPS,
        ...ASSIGNMENT_STEPS,
      },
      granted: { ...LETTER_STEPS },
      refused: { ...LETTER_STEPS },
      withdrawn: { ...LETTER_STEPS },
      discontinued: { ...LETTER_STEPS },
    } as const,
    actions: {
      interrupt: interruptAction(l),
      resume: resumeAction(),
      grant: grantAction({ letter: l, warRelatedByDefault: opts.warRelatedByDefault }),
      refuse: refuseAction(l),
      withdraw: withdrawAction(l),
      discontinue: discontinueAction(l),
      letter_posted: letterPostedAction(),
      letter_delivery: letterDeliveryAction(),
      ...assignmentActions(),
    },
  };
}
