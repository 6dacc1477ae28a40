/** The engine's pure half, on the declared types: folds, transitions, and the declarations' own checks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toleranceVisa } from '../types/tolerance-visa.ts';
import { humanitarianException } from '../types/humanitarian-exception.ts';
import { civilSocietyNomination } from '../../civil-society/index.ts';
import { checkDeclaration } from '../engine/registry.ts';
import type { LogEntry } from '../engine/case-type.ts';
import { allowedActions, foldLog, isAllowed } from './fold.ts';
import { projectionOf } from './projection.ts';

const e = (type: string, effectiveOn: string, payload: Record<string, unknown> = {}, actorId = 'o1'): LogEntry => ({
  type,
  payload,
  actorId,
  effectiveOn,
});
const intake = e('intake', '2024-03-01', { admissible: true, missing: [] });

test('every declared type passes its declaration checks', () => {
  for (const t of [toleranceVisa, humanitarianException, civilSocietyNomination]) assert.deepEqual(checkDeclaration(t), [], t.id);
});

test('a declaration that names an undeclared status or action is refused', () => {
  const broken = { ...toleranceVisa, transitions: { ...toleranceVisa.transitions, granted: { reopen: 'under_review' } } };
  const problems = checkDeclaration(broken as never);
  assert.ok(problems.some((p) => p.includes('reopen: no such action')));
  assert.ok(problems.some((p) => p.includes('no such status')));
  assert.ok(
    checkDeclaration({ ...toleranceVisa, deadline: { parameter: 'no.such.parameter' } }).some((p) => p.includes('no.such.parameter')),
  );
});

test('tolerance: an admissible intake opens under assessment, an inadmissible one allows only letter steps', () => {
  assert.equal(foldLog(toleranceVisa, [intake]).status, 'under_assessment');
  const s = foldLog(toleranceVisa, [e('intake', '2024-03-01', { admissible: false, missing: [{ code: 'PHOTO_MISSING' }] })]);
  assert.equal(s.status, 'inadmissible');
  assert.deepEqual(allowedActions(toleranceVisa, 'inadmissible'), ['letter_posted', 'letter_delivery']);
  assert.equal(isAllowed(toleranceVisa, 'inadmissible', 'grant'), false);
});

test('tolerance: interrupt and resume stop and restart the clock; a decision ends the case', () => {
  const s = foldLog(toleranceVisa, [
    intake,
    e('interrupt', '2024-03-10'),
    e('resume', '2024-03-20'),
    e('letter_posted', '2024-03-21'),
    e('grant', '2024-03-28'),
  ]);
  assert.equal(s.status, 'granted');
  assert.equal(s.decidedOn, '2024-03-28');
  assert.deepEqual(s.interruptions, [{ from: '2024-03-10', to: '2024-03-20' }]);
  assert.deepEqual(projectionOf(toleranceVisa, s), { status: 'granted', dueOn: null, clockRunning: false, decidedOn: '2024-03-28' });
});

test('tolerance: no decision while interrupted; withdrawal is allowed and closes the interruption', () => {
  const interrupted = [intake, e('interrupt', '2024-03-10')];
  assert.throws(() => foldLog(toleranceVisa, [...interrupted, e('refuse', '2024-03-12')]));
  const s = foldLog(toleranceVisa, [...interrupted, e('withdraw', '2024-03-12')]);
  assert.equal(s.status, 'withdrawn');
  assert.deepEqual(s.interruptions, [{ from: '2024-03-10', to: '2024-03-12' }]);
  assert.equal(projectionOf(toleranceVisa, foldLog(toleranceVisa, interrupted)).clockRunning, false);
});

test('tolerance: nothing but letters follows a final decision', () => {
  for (const st of ['granted', 'refused', 'withdrawn', 'discontinued']) {
    for (const a of ['interrupt', 'resume', 'grant', 'refuse', 'withdraw', 'discontinue', 'intake'])
      assert.equal(isAllowed(toleranceVisa, st, a), false, `${a} after ${st}`);
  }
});

test('nomination: the first approval keeps it in assessment, the second approves and decides it', () => {
  const log = [
    e('nominate', '2026-03-02', {}, 'ngo'),
    e('start_screening', '2026-03-03'),
    e('start_assessment', '2026-03-04'),
    e('approve', '2026-03-05', {}, 'o1'),
  ];
  const one = foldLog(civilSocietyNomination, log);
  assert.equal(one.status, 'assessment');
  assert.deepEqual(one.approvals, ['o1']);
  assert.equal(one.decidedOn, null);
  const two = foldLog(civilSocietyNomination, [...log, e('approve', '2026-03-06', {}, 'o2')]);
  assert.equal(two.status, 'approved');
  assert.equal(two.decidedOn, '2026-03-06');
  assert.deepEqual(allowedActions(civilSocietyNomination, 'approved'), []);
});

test('humanitarian exception: requested → assessed → granted, on a 90-day clock from the policy', () => {
  const s = foldLog(humanitarianException, [e('intake', '2023-06-01', { admissible: true, missing: [] })]);
  assert.equal(s.status, 'requested');
  assert.equal(projectionOf(humanitarianException, s).dueOn, '2023-08-30');
  assert.equal(isAllowed(humanitarianException, 'requested', 'grant'), false);
  const g = foldLog(humanitarianException, [
    e('intake', '2023-06-01', { admissible: true }),
    e('assess', '2023-06-10'),
    e('grant', '2023-06-12'),
  ]);
  assert.equal(g.status, 'granted');
  assert.equal(g.decidedOn, '2023-06-12');
});

test('assignment: claim, take over and release set who holds the case, leaving status, clock and dates alone', () => {
  const log = [intake, e('interrupt', '2024-03-10'), e('claim', '2024-03-12', { assigneeId: 'o1' })];
  const held = foldLog(toleranceVisa, log);
  assert.equal(held.assignee, 'o1');
  assert.equal(held.status, 'interrupted');
  assert.equal(held.lastEffectiveOn, '2024-03-10', 'a claim is no step of the proceedings');
  const taken = foldLog(toleranceVisa, [...log, e('claim', '2024-03-13', { assigneeId: 'o2', previousAssigneeId: 'o1' }, 'o2')]);
  assert.equal(taken.assignee, 'o2');
  const released = foldLog(toleranceVisa, [...log, e('release', '2024-03-13', { assigneeId: null })]);
  assert.equal(released.assignee, null);
  assert.equal(foldLog(toleranceVisa, [intake]).assignee, null);
  for (const st of ['inadmissible', 'granted', 'refused', 'withdrawn', 'discontinued'])
    assert.equal(isAllowed(toleranceVisa, st, 'claim'), false, `claim after ${st}`);
  for (const st of ['requested', 'assessed']) assert.equal(isAllowed(humanitarianException, st, 'assign'), true);
});
