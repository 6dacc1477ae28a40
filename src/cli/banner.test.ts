/** Defect 2 (issue 10): the start banner prints secrets only to a terminal. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBanner } from './banner.ts';

const o = {
  url: 'http://127.0.0.1:3000',
  database: 'embedded PGlite',
  dataDir: './data',
  logins: [{ username: 'officer', password: 'pw-Secret-123', role: 'officer', officeId: 'PHA-ZUK' }],
  extras: {
    holder: { visaNumber: 'VS-2026-PHA-ZUK-000001', dateOfBirth: '1990-05-05' },
    authorityApiKey: 'pbk_0123456789ab_secretsecretsecretsecret',
  },
} as Parameters<typeof startBanner>[0];

test('piped or captured stdout gets no password, API key or birth date — only where they are', () => {
  const out = startBanner({ ...o, tty: false }).join('\n');
  for (const secret of ['pw-Secret-123', 'pbk_0123456789ab_secret', '1990-05-05']) assert.equal(out.includes(secret), false, secret);
  assert.match(out, /\.\/data\/demo-credentials\.json/);
  assert.match(out, /listening on http:\/\/127\.0\.0\.1:3000/);
});

test('a terminal gets the demo logins and the key, as before', () => {
  const out = startBanner({ ...o, tty: true }).join('\n');
  assert.match(out, /officer +pw-Secret-123 +officer @ PHA-ZUK/);
  assert.match(out, /pbk_0123456789ab_secret/);
});
