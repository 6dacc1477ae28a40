/** Every page text and every policy message exists in all five languages, with the same placeholders, and compiles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalogs, formatMessage } from '../../../platform/i18n.ts';
import { defaultBundle } from '../../policy/index.ts';
import { CATALOGS, fromAcceptLanguage, t } from './i18n.ts';

test('the page catalogs: no key missing or extra in any language, same placeholders, valid ICU', () => {
  assert.deepEqual(checkCatalogs(CATALOGS), []);
});

test("the policy module's messages pass the same check", () => {
  assert.deepEqual(checkCatalogs(defaultBundle().messages), []);
});

test('the check fails on a missing key and on a differing placeholder', () => {
  const problems = checkCatalogs({ en: { a: 'Hi {name}', b: 'x' }, cs: { a: 'Ahoj {jmeno}' } });
  assert.deepEqual(
    problems.map((p) => `${p.locale}:${p.key}:${p.problem}`),
    ['cs:a:placeholders', 'cs:b:missing'],
  );
});

test('ICU plurals per language', () => {
  assert.equal(t('cs')('r.answers', { n: 2 }), 'Odpověděli jste na 2 otázky.');
  assert.equal(t('cs')('r.answers', { n: 5 }), 'Odpověděli jste na 5 otázek.');
  assert.equal(t('uk')('r.answers', { n: 21 }), 'Ви відповіли на 21 запитання.');
  assert.equal(t('ru')('r.answers', { n: 5 }), 'Вы ответили на 5 вопросов.');
  assert.equal(t('be')('r.answers', { n: 5 }), 'Вы адказалі на 5 пытанняў.');
  assert.equal(t('en')('r.answers', { n: 1 }), 'You answered 1 question.');
});

test('a placeholder without a value stays visible rather than throwing', () => {
  assert.equal(formatMessage('en', 'On {date}: {x}', { date: 'Monday' }), 'On Monday: {x}');
});

test('Accept-Language: by q, then order; unknown languages skipped', () => {
  assert.equal(fromAcceptLanguage('de-DE,de;q=0.9,uk-UA;q=0.8,ru;q=0.7'), 'uk');
  assert.equal(fromAcceptLanguage('be;q=0.1, en;q=0.5'), 'en');
  assert.equal(fromAcceptLanguage('fr'), null);
  assert.equal(fromAcceptLanguage(undefined), null);
});
