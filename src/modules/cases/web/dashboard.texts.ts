/** The supervisor dashboard's texts (Czech and English), in ICU MessageFormat. */
import { defineTexts } from '../../web/index.ts';

export const dashboardTexts = defineTexts({
  en: {
    title: 'Dashboard',
    h1: 'Office {office}: dashboard',
    lead: 'Intake, outcomes and time to decision from {from} to {to}. The backlog and the cases at risk are as they stand today, {asOf}.',
    'range.legend': 'Period',
    'range.from': 'From',
    'range.to': 'To',
    'range.hint': 'At most 366 days, ending today at the latest. Empty: the last six calendar months.',
    'range.submit': 'Show',
    'links.title': 'Related pages',
    'links.extensions': 'Mass extension of visas',
    'links.queue': 'Work queue',
    'reason.INVALID_DATE': 'Enter a date as YYYY-MM-DD.',
    'reason.IN_FUTURE': 'The period cannot end after today.',
    'reason.AFTER_TO': 'The start cannot be after the end.',
    'reason.RANGE_TOO_LONG': 'The period can be at most 366 days long.',
    table: 'Data as a table',
    empty: 'Nothing in this period',
    partial: '{label} (part)',
    total: 'Total',

    'intake.h2': 'Intake per week',
    'intake.explain':
      'Applications received at the counter in each ISO week (Monday to Sunday), by type; returned (inadmissible) applications included.',
    'intake.x': 'ISO week',
    'intake.y': 'Applications received',
    'intake.desc':
      '{total, plural, one {# application} other {# applications}} received in {weeks, plural, one {# week} other {# weeks}}; the busiest, week {week}: {max, plural, one {# application} other {# applications}}.',
    'intake.week': 'Week {week}, {from} – {to}',

    'backlog.h2': 'Backlog by days left',
    'backlog.explain':
      'Open cases by the calendar days left until the statutory deadline, as in the work queue; interrupted proceedings (the clock stands) apart.',
    'backlog.x': 'Days left',
    'backlog.y': 'Open cases',
    'backlog.desc':
      '{total, plural, one {# open case} other {# open cases}}: {overdue} overdue, {soon} with 0–5 days left, {interrupted} interrupted.',
    'bucket.overdue': 'Overdue',
    'bucket.d0_5': '0–5 days',
    'bucket.d6_10': '6–10 days',
    'bucket.d11_20': '11–20 days',
    'bucket.d21_30': '21–30 days',
    'bucket.d31_plus': 'More than 30 days',
    'bucket.interrupted': 'Interrupted (clock stopped)',
    'bucket.short.overdue': 'overdue',
    'bucket.short.d0_5': '0–5',
    'bucket.short.d6_10': '6–10',
    'bucket.short.d11_20': '11–20',
    'bucket.short.d21_30': '21–30',
    'bucket.short.d31_plus': '31+',
    'bucket.short.interrupted': 'interrupted',

    'risk.h2': 'Cases at risk of missing the deadline',
    'risk.explain':
      'Open cases whose clock runs with at most {n} working days left (weekends and public holidays not counted), and the overdue ones; the earliest deadline first.',
    'risk.caption': '{count, plural, =0 {No case at risk} one {# case at risk} other {# cases at risk}} as of {asOf}',
    'risk.reference': 'Reference (č. j.)',
    'risk.type': 'Type',
    'risk.received': 'Received',
    'risk.due': 'Deadline',
    'risk.days': 'Days left',
    'risk.working': 'Working days left',
    'risk.assignee': 'Assigned to',
    'risk.nobody': 'nobody',
    'risk.overdue': 'overdue by {n, plural, one {# day} other {# days}}',
    'risk.none': 'No open case is within {n} working days of its deadline.',

    'outcomes.h2': 'Outcomes per month',
    'outcomes.explain':
      'How applications ended in each month: decisions by their date; a returned (inadmissible) application on the day it was received.',
    'outcomes.x': 'Month',
    'outcomes.y': 'Applications ended',
    'outcomes.desc':
      '{total, plural, one {# application} other {# applications}} ended: {granted} granted, {refused} refused, {inadmissible} returned, {withdrawn} withdrawn, {discontinued} discontinued.',
    'outcome.granted': 'Granted',
    'outcome.refused': 'Refused',
    'outcome.inadmissible': 'Returned (inadmissible)',
    'outcome.withdrawn': 'Withdrawn',
    'outcome.discontinued': 'Discontinued',

    'ttd.h2': 'Time to decision',
    'ttd.explain':
      'Calendar days from receipt to the decision (grant or refusal, interruptions included) for the decisions of each month: the median and the 90th percentile.',
    'ttd.x': 'Month of the decision',
    'ttd.y': 'Days from receipt to decision',
    'ttd.median': 'Median',
    'ttd.p90': '90th percentile',
    'ttd.decisions': 'Decisions',
    'ttd.desc':
      '{n, plural, =0 {No decision in this period.} one {# decision: median {median} days, 90th percentile {p90} days.} other {# decisions: median {median} days, 90th percentile {p90} days.}}',

    'type.tolerance_visa': 'Tolerance visa',
    'type.study_residence': 'Residence for study',
    'type.humanitarian_exception': 'Humanitarian exception',
  },
  cs: {
    title: 'Přehled',
    h1: 'Pracoviště {office}: přehled',
    lead: 'Příjem žádostí, výsledky a doba do rozhodnutí od {from} do {to}. Rozpracované a ohrožené případy podle dnešního stavu ({asOf}).',
    'range.legend': 'Období',
    'range.from': 'Od',
    'range.to': 'Do',
    'range.hint': 'Nejvýše 366 dní, nejpozději do dneška. Bez vyplnění: posledních šest kalendářních měsíců.',
    'range.submit': 'Zobrazit',
    'links.title': 'Související stránky',
    'links.extensions': 'Hromadné prodloužení víz',
    'links.queue': 'Pracovní fronta',
    'reason.INVALID_DATE': 'Zadejte datum ve tvaru RRRR-MM-DD.',
    'reason.IN_FUTURE': 'Období nemůže končit později než dnes.',
    'reason.AFTER_TO': 'Začátek nemůže být po konci.',
    'reason.RANGE_TOO_LONG': 'Období může mít nejvýše 366 dní.',
    table: 'Data v tabulce',
    empty: 'V tomto období nic',
    partial: '{label} (část)',
    total: 'Celkem',

    'intake.h2': 'Příjem žádostí po týdnech',
    'intake.explain':
      'Žádosti přijaté na přepážce v jednotlivých týdnech (podle ISO, pondělí až neděle) podle druhu; včetně vrácených (nepřijatelných) žádostí.',
    'intake.x': 'Týden (ISO)',
    'intake.y': 'Přijaté žádosti',
    'intake.desc':
      '{total, plural, one {Přijata # žádost} few {Přijaty # žádosti} many {Přijato # žádosti} other {Přijato # žádostí}} za {weeks, plural, one {# týden} few {# týdny} many {# týdne} other {# týdnů}}; nejvíce v týdnu {week}: {max, plural, one {# žádost} few {# žádosti} many {# žádosti} other {# žádostí}}.',
    'intake.week': 'Týden {week}, {from} – {to}',

    'backlog.h2': 'Rozpracované případy podle zbývajících dní',
    'backlog.explain':
      'Otevřená řízení podle kalendářních dní zbývajících do konce lhůty pro rozhodnutí (jako v pracovní frontě); přerušená řízení (lhůta neběží) zvlášť.',
    'backlog.x': 'Zbývající dny',
    'backlog.y': 'Otevřená řízení',
    'backlog.desc':
      '{total, plural, one {# otevřené řízení} few {# otevřená řízení} many {# otevřeného řízení} other {# otevřených řízení}}: po lhůtě {overdue}, s 0–5 dny {soon}, přerušeno {interrupted}.',
    'bucket.overdue': 'Po lhůtě',
    'bucket.d0_5': '0–5 dní',
    'bucket.d6_10': '6–10 dní',
    'bucket.d11_20': '11–20 dní',
    'bucket.d21_30': '21–30 dní',
    'bucket.d31_plus': 'Více než 30 dní',
    'bucket.interrupted': 'Přerušení řízení (lhůta neběží)',
    'bucket.short.overdue': 'po lhůtě',
    'bucket.short.d0_5': '0–5',
    'bucket.short.d6_10': '6–10',
    'bucket.short.d11_20': '11–20',
    'bucket.short.d21_30': '21–30',
    'bucket.short.d31_plus': '31+',
    'bucket.short.interrupted': 'přerušeno',

    'risk.h2': 'Případy ohrožené zmeškáním lhůty',
    'risk.explain':
      'Otevřená řízení, ve kterých lhůta běží a zbývá nejvýše {n} pracovních dní (bez víkendů a státních svátků), a řízení po lhůtě; nejbližší lhůta první.',
    'risk.caption':
      '{count, plural, =0 {Žádný ohrožený případ} one {# ohrožený případ} few {# ohrožené případy} many {# ohroženého případu} other {# ohrožených případů}} k {asOf}',
    'risk.reference': 'Číslo jednací',
    'risk.type': 'Druh',
    'risk.received': 'Přijato',
    'risk.due': 'Lhůta do',
    'risk.days': 'Zbývá dní',
    'risk.working': 'Zbývá pracovních dní',
    'risk.assignee': 'Řeší',
    'risk.nobody': 'nikdo',
    'risk.overdue': 'po lhůtě {n, plural, one {# den} few {# dny} many {# dne} other {# dní}}',
    'risk.none': 'Žádnému otevřenému řízení nezbývá do konce lhůty {n} nebo méně pracovních dní.',

    'outcomes.h2': 'Výsledky po měsících',
    'outcomes.explain':
      'Jak žádosti v jednotlivých měsících skončily: rozhodnutí podle data rozhodnutí, vrácená (nepřijatelná) žádost podle dne přijetí.',
    'outcomes.x': 'Měsíc',
    'outcomes.y': 'Skončené žádosti',
    'outcomes.desc':
      '{total, plural, one {Skončila # žádost} few {Skončily # žádosti} many {Skončilo # žádosti} other {Skončilo # žádostí}}: udělení {granted}, zamítnutí {refused}, vráceno {inadmissible}, zpětvzetí {withdrawn}, zastavení řízení {discontinued}.',
    'outcome.granted': 'Udělení',
    'outcome.refused': 'Zamítnutí žádosti',
    'outcome.inadmissible': 'Vrácení (nepřijatelná žádost)',
    'outcome.withdrawn': 'Zpětvzetí žádosti',
    'outcome.discontinued': 'Zastavení řízení',

    'ttd.h2': 'Doba do rozhodnutí',
    'ttd.explain':
      'Kalendářní dny od přijetí žádosti do rozhodnutí (udělení nebo zamítnutí, včetně doby přerušení) u rozhodnutí daného měsíce: medián a 90. percentil.',
    'ttd.x': 'Měsíc rozhodnutí',
    'ttd.y': 'Dny od přijetí do rozhodnutí',
    'ttd.median': 'Medián',
    'ttd.p90': '90. percentil',
    'ttd.decisions': 'Rozhodnutí',
    'ttd.desc':
      '{n, plural, =0 {V tomto období žádné rozhodnutí.} one {# rozhodnutí: medián {median} dní, 90. percentil {p90} dní.} few {# rozhodnutí: medián {median} dní, 90. percentil {p90} dní.} many {# rozhodnutí: medián {median} dní, 90. percentil {p90} dní.} other {# rozhodnutí: medián {median} dní, 90. percentil {p90} dní.}}',

    'type.tolerance_visa': 'Vízum za účelem strpění pobytu',
    'type.study_residence': 'Dlouhodobý pobyt za účelem studia',
    'type.humanitarian_exception': 'Výjimka z humanitárních důvodů',
  },
});

export type DashboardKey = Parameters<ReturnType<typeof dashboardTexts>>[0];
