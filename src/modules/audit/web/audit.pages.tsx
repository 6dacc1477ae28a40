/**
 * The audit page (supervisors, administrators; cs/en): what the chains protect, a button that runs the
 * verification (a POST: the check is itself an audited act), and its answer — each chain's rows and
 * whether it holds, or the first broken link (table, row, reason) and what to do.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import {
  Button,
  CsrfField,
  DataTable,
  defineTexts,
  Notice,
  type PageStaffCtx,
  requireStaff,
  sendPage,
  STAFF_LOCALES,
  StaffLayout,
  staffPages,
} from '../../web/index.ts';
import { type AuditVerification, verifyChainsAsStaff } from '../use-cases/verify-chains.ts';

const texts = defineTexts({
  en: {
    title: 'Audit log',
    lead: 'Every read of a personal file and every action on a case is recorded in two logs that no one can change unnoticed: each row carries the hash of the row before it. The check below recomputes both chains and names the first row that does not fit.',
    run: 'Verify the chains now',
    ok: 'Both chains hold: no row was changed, deleted, inserted or reordered.',
    broken: 'A chain is broken at {table}, row {id}: {reason}.',
    broken_next:
      'Keep the database as it is, and tell the administrator and the data protection officer. `pobyt audit verify --anchors` with anchors saved earlier also shows a cut-off end.',
    caption: 'The chains checked',
    table: 'Log',
    rows: 'Rows',
    holds: 'Holds',
    yes: 'yes',
    no: 'no — {reason}',
    'reason.changed': 'a row was changed',
    'reason.deleted': 'a row was deleted',
    'reason.inserted': 'a row was inserted',
    'reason.reordered': 'rows were reordered',
    'reason.truncated': 'the end was cut off',
    'table.audit_events': 'reads and changes (audit events)',
    'table.case_actions': 'case actions',
  },
  cs: {
    title: 'Auditní záznam',
    lead: 'Každé nahlédnutí do osobního spisu a každý úkon v řízení se zapisuje do dvou záznamů, které nikdo nezmění nepozorovaně: každý řádek nese otisk (hash) řádku předchozího. Kontrola níže oba řetězce přepočítá a označí první řádek, který nesedí.',
    run: 'Zkontrolovat řetězce',
    ok: 'Oba řetězce jsou v pořádku: žádný řádek nebyl změněn, smazán, vložen ani přeházen.',
    broken: 'Řetězec je přerušen v {table}, řádek {id}: {reason}.',
    broken_next:
      'Databázi ponechte beze změny a informujte správce a pověřence pro ochranu osobních údajů. `pobyt audit verify --anchors` s dříve uloženými kotvami ukáže i useknutý konec.',
    caption: 'Zkontrolované řetězce',
    table: 'Záznam',
    rows: 'Řádků',
    holds: 'V pořádku',
    yes: 'ano',
    no: 'ne — {reason}',
    'reason.changed': 'řádek byl změněn',
    'reason.deleted': 'řádek byl smazán',
    'reason.inserted': 'řádek byl vložen',
    'reason.reordered': 'řádky byly přeházeny',
    'reason.truncated': 'konec byl useknut',
    'table.audit_events': 'nahlédnutí a změny (auditní události)',
    'table.case_actions': 'úkony v řízení',
  },
});

export function auditPages(deps: AppDeps) {
  return async (app: FastifyInstance) =>
    staffPages(app, STAFF_LOCALES, (sub, locale) => {
      const tr = texts(locale);
      const word = (k: string, prefix: 'reason' | 'table') => {
        const key = `${prefix}.${k}` as Parameters<typeof tr>[0];
        const s = tr(key);
        return s === key ? k : s;
      };
      const page = (reply: FastifyReply, ctx: PageStaffCtx, result?: AuditVerification) => {
        const csrf = reply.generateCsrf();
        return sendPage(
          reply,
          <StaffLayout locale={locale} ctx={ctx} title={tr('title')} path="/staff/audit" active="/staff/audit" csrf={csrf}>
            <h1>{tr('title')}</h1>
            <p class="lead">{tr('lead')}</p>
            {result ? (
              result.ok ? (
                <Notice>
                  <p data-audit="ok">{tr('ok')}</p>
                </Notice>
              ) : (
                <Notice kind="error">
                  <p data-audit="broken">
                    {tr('broken', {
                      table: word(result.firstBreak?.table ?? '', 'table'),
                      id: result.firstBreak?.id ?? '—',
                      reason: word(result.firstBreak?.reason ?? '', 'reason'),
                    })}
                  </p>
                  <p>{tr('broken_next')}</p>
                </Notice>
              )
            ) : null}
            {result ? (
              <DataTable
                caption={tr('caption')}
                head={[tr('table'), tr('rows'), tr('holds')]}
                numeric={[1]}
                rowHeader
                rows={result.tables.map((t) => [
                  word(t.table, 'table'),
                  new Intl.NumberFormat(locale).format(t.rows),
                  t.ok ? tr('yes') : tr('no', { reason: word(t.firstBreak?.reason ?? '', 'reason') }),
                ])}
              />
            ) : null}
            <form method="post" action={`/${locale}/staff/audit`}>
              <CsrfField token={csrf} />
              <Button>{tr('run')}</Button>
            </form>
          </StaffLayout>,
        );
      };
      sub.get('/staff/audit', { schema: { hide: true } }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, { roles: ['supervisor', 'admin'] });
        if (!ctx) return reply;
        return page(reply, ctx);
      });
      sub.post('/staff/audit', { schema: { hide: true }, preHandler: app.csrfProtection }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, { roles: ['supervisor', 'admin'] });
        if (!ctx) return reply;
        return page(reply, ctx, await verifyChainsAsStaff(ctx));
      });
    });
}
