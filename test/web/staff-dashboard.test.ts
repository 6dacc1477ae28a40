/** The supervisor dashboard page: the seeded office's figures on the page and in its tables, the period form, access — on every tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { staffBrowser, WebClient } from '../support/web-client.ts';
import { seedCaseStats } from '../support/seed-case-stats.ts';

/** The cells of the table with this caption (tags stripped, entities of the test's texts decoded), row by row. */
function table(html: string, caption: string | RegExp): string[][] {
  const tables = html.split('<table').slice(1);
  const t = tables.find((x) => {
    const c = /<caption[^>]*>(.*?)<\/caption>/s.exec(x)?.[1] ?? '';
    return typeof caption === 'string' ? c === caption : caption.test(c);
  });
  assert.ok(t, `a table captioned ${caption}`);
  const body = t.slice(0, t.indexOf('</table>'));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((r) =>
    [...r[1]!.matchAll(/<t([hd])[^>]*>(.*?)<\/t\1>/gs)].map((c) => c[2]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')),
  );
}

for (const tier of dbTiers()) {
  describe(`staff dashboard page [${tier.name}]`, () => {
    let t: TestApp;
    let seeded: Awaited<ReturnType<typeof seedCaseStats>>;
    let sylva: WebClient;
    before(async () => {
      t = await startTestApp(await tier.open());
      seeded = await seedCaseStats(t);
      sylva = await staffBrowser(t.app, 'sylva');
    });
    after(() => t.close());

    test('the supervisor sees the office’s five figures, each with its table, matching the seeded cases (cs)', async () => {
      const r = await sylva.get('/cs/staff/dashboard?from=2024-04-01&to=2024-05-10');
      assert.equal(r.status, 200, r.body.slice(0, 500));
      const b = r.body;
      assert.match(b, /<h1>Pracoviště PHA-ZUK: přehled<\/h1>/);
      assert.match(b, /od 1\. dubna 2024 do 10\. května 2024/);
      assert.equal((b.match(/<svg class="chart-svg"[^>]*role="img"/g) ?? []).length, 4, 'four charts (the cases at risk are a list)');
      assert.equal((b.match(/<details class="chart-data">/g) ?? []).length, 4);

      assert.deepEqual(table(b, 'Příjem žádostí po týdnech'), [
        ['Týden (ISO)', 'Vízum za účelem strpění pobytu', 'Dlouhodobý pobyt za účelem studia', 'Výjimka z humanitárních důvodů', 'Celkem'],
        ['Týden 2024-W14, 1. 4. – 7. dubna 2024', '5', '0', '0', '5'],
        ['Týden 2024-W15, 8. 4. – 14. dubna 2024', '3', '0', '0', '3'],
        ['Týden 2024-W16, 15. 4. – 21. dubna 2024', '1', '0', '0', '1'],
        ['Týden 2024-W17, 22. 4. – 28. dubna 2024', '1', '0', '0', '1'],
        ['Týden 2024-W18, 29. 4. – 5. května 2024', '1', '0', '0', '1'],
        ['Týden 2024-W19, 6. 5. – 12. května 2024 (část)', '0', '0', '0', '0'],
      ]);
      assert.match(b, /<desc id="chart-intake-desc">Přijato 11 žádostí za 6 týdnů; nejvíce v týdnu 14: 5 žádostí\.<\/desc>/);

      assert.deepEqual(table(b, 'Rozpracované případy podle zbývajících dní').slice(1), [
        ['Po lhůtě', '1'],
        ['0–5 dní', '1'],
        ['6–10 dní', '0'],
        ['11–20 dní', '1'],
        ['21–30 dní', '1'],
        ['Více než 30 dní', '0'],
        ['Přerušení řízení (lhůta neběží)', '1'],
      ]);

      assert.deepEqual(table(b, '2 ohrožené případy k 10. května 2024'), [
        ['Číslo jednací', 'Druh', 'Přijato', 'Lhůta do', 'Zbývá dní', 'Zbývá pracovních dní', 'Řeší'],
        [seeded.H!.reference, 'Vízum za účelem strpění pobytu', '5. dubna 2024', '6. května 2024', 'po lhůtě 4 dny', '-3', 'nikdo'],
        [seeded.G!.reference, 'Vízum za účelem strpění pobytu', '10. dubna 2024', '10. května 2024', '0', '0', 'Olga Officer'],
      ]);
      assert.ok(b.includes(`<a href="/cs/staff/cases/${seeded.H!.id}">${seeded.H!.reference}</a>`));
      assert.ok(b.includes(`<a href="/cs/staff/cases/${seeded.G!.id}">${seeded.G!.reference}</a>`));

      assert.deepEqual(table(b, 'Výsledky po měsících'), [
        ['Měsíc', 'Udělení', 'Zamítnutí žádosti', 'Vrácení (nepřijatelná žádost)', 'Zpětvzetí žádosti', 'Zastavení řízení', 'Celkem'],
        ['duben 2024', '1', '1', '1', '1', '0', '4'],
        ['květen 2024 (část)', '1', '0', '0', '0', '1', '2'],
      ]);

      assert.deepEqual(table(b, 'Doba do rozhodnutí'), [
        ['Měsíc rozhodnutí', 'Medián', '90. percentil', 'Rozhodnutí'],
        ['duben 2024', '15', '19', '2'],
        ['květen 2024 (část)', '30', '30', '1'],
      ]);
      assert.match(b, /<p>3 rozhodnutí: medián 20 dní, 90\. percentil 28 dní\.<\/p>/);

      assert.match(b, /<a href="\/cs\/staff\/extensions">Hromadné prodloužení víz<\/a>/);
      assert.doesNotMatch(b, /ŠEVČENKOVÁ|OLENA/, 'no applicant’s name on the dashboard');
      assert.doesNotMatch(b, /\sstyle=/, 'no inline style (CSP)');
      assert.doesNotMatch(b, /<script(?![^>]*\ssrc=)/, 'no inline script');
    });

    test('the period is a GET form of two dates; the English page formats the same figures', async () => {
      const r = await sylva.get('/en/staff/dashboard?from=2024-04-01&to=2024-05-10');
      assert.equal(r.status, 200);
      const form = /<form method="get" action="\/en\/staff\/dashboard"[^>]*>(.*?)<\/form>/s.exec(r.body)?.[1] ?? '';
      assert.deepEqual(
        [...form.matchAll(/name="([^"]+)"/g)].map((m) => m[1]),
        ['from', 'to'],
      );
      assert.match(form, /id="from" name="from" type="date" value="2024-04-01"/);
      assert.deepEqual(table(r.body, 'Backlog by days left').slice(1, 3), [
        ['Overdue', '1'],
        ['0–5 days', '1'],
      ]);
      assert.deepEqual(table(r.body, '2 cases at risk as of May 10, 2024')[1]!.slice(4), ['overdue by 4 days', '-3', 'nobody']);
      assert.deepEqual(table(r.body, 'Outcomes per month')[2], ['May 2024 (part)', '1', '0', '0', '0', '1', '2']);
      assert.match(r.body, /<p>3 decisions: median 20 days, 90th percentile 28 days\.<\/p>/);
    });

    test('without dates: the last six calendar months up to today (from the clock)', async () => {
      const r = await sylva.get('/en/staff/dashboard');
      assert.equal(r.status, 200);
      assert.match(r.body, /from December 1, 2023 to May 10, 2024/);
      assert.deepEqual(
        table(r.body, 'Outcomes per month')
          .slice(1)
          .map((row) => [row[0], row[6]]),
        [
          ['December 2023', '0'],
          ['January 2024', '0'],
          ['February 2024', '0'],
          ['March 2024', '1'],
          ['April 2024', '4'],
          ['May 2024 (part)', '2'],
        ],
      );
    });

    test('a wrong period: 422 with the message beside its field and in the summary, no figures', async () => {
      const r = await sylva.get('/cs/staff/dashboard?from=2024-05-02&to=2024-05-01');
      assert.equal(r.status, 422);
      assert.match(r.body, /id="from-error">Začátek nemůže být po konci\./);
      assert.match(r.body, /<a href="#from">Začátek nemůže být po konci\.<\/a>/);
      assert.match(r.body, /aria-invalid="true"/);
      assert.doesNotMatch(r.body, /chart-svg/);
      const future = await sylva.get('/en/staff/dashboard?to=2024-05-11');
      assert.equal(future.status, 422);
      assert.match(future.body, /id="to-error">The period cannot end after today\./);
      const long = await sylva.get('/en/staff/dashboard?from=2023-01-01&to=2024-05-10');
      assert.equal(long.status, 422);
      assert.match(long.body, /id="from-error">The period can be at most 366 days long\./);
    });

    test('officers and admins get the 403 page; without a session, the sign-in page', async () => {
      for (const user of ['olga', 'adam']) {
        const web = await staffBrowser(t.app, user);
        const r = await web.get('/cs/staff/dashboard');
        assert.equal(r.status, 403, user);
        assert.match(r.headers['content-type'] as string, /text\/html/);
        assert.doesNotMatch(r.body, /chart-svg|ohrožené/);
      }
      const anon = await new WebClient(t.app).get('/en/staff/dashboard?from=2024-04-01');
      assert.equal(anon.status, 303);
      assert.equal(anon.location, `/en/sign-in?next=${encodeURIComponent('/en/staff/dashboard?from=2024-04-01')}`);
    });
  });
}
