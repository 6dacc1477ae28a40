/**
 * Dated legal parameters with their sources. The only place in the code that holds a legal
 * amount, period or date. Windows are inclusive; `to: null` means "no end decreed yet".
 * A date outside every window is "no rule in force on D" — never a fall-back to the nearest value.
 * (The issue "Policy as code" moves these to validated data files; the lookup contract stays.)
 */

export interface Source {
  act: string;
  section?: string;
  url?: string;
  /** V verified, P partly verified, U unverified — the markers of shared/domain/facts.md. */
  verification: 'V' | 'P' | 'U';
  note?: string;
}

export interface DatedValue<T> {
  from: string;
  to: string | null;
  value: T;
  source: Source;
}

export interface Parameter<T> {
  id: string;
  /** Which date of a case the parameter is read on. */
  readsDate: 'filed_on' | 'decided_on' | 'event_on';
  values: DatedValue<T>[];
}

const APC: Source = { act: 'Act No. 500/2004 Coll. (Administrative Procedure Code)', verification: 'P' };

export const TOLERANCE_FEE: Parameter<{ amountCzk: number; methods: readonly ('duty_stamps')[] }> = {
  id: 'tolerance_visa.fee',
  readsDate: 'filed_on',
  values: [
    {
      from: '2022-02-24',
      to: null,
      value: { amountCzk: 300, methods: ['duty_stamps'] },
      source: {
        act: 'Act No. 634/2004 Coll. (administrative fees), annex — item not confirmed',
        url: 'https://czechia.refugee.info/cs/articles/10136481670941',
        verification: 'U',
        note: 'CZK 300 in duty stamps per the seed and an MV notice of March 2022 (facts §5.2); cash and card are not accepted (facts §2.5, FRS glossary [V]).',
      },
    },
  ],
};

export const TOLERANCE_DECISION_PERIOD_DAYS: Parameter<number> = {
  id: 'tolerance_visa.decision_period_days',
  readsDate: 'filed_on',
  values: [
    {
      from: '2011-01-01',
      to: null,
      value: 30,
      source: {
        act: 'Act No. 326/1999 Coll.',
        section: '§ 169t (formerly § 170(4))',
        url: 'https://www.mvcr.cz/mvcren/docDetail.aspx?docid=21722506&docType=ART&prn=1',
        verification: 'P',
        note: 'From 2011 the Ministry of the Interior decides; exact letter of § 169t unconfirmed (facts §5.2).',
      },
    },
  ],
};

export const MIN_DAYS_AFTER_INTERRUPTION: Parameter<number> = {
  id: 'proceedings.min_days_after_interruption',
  readsDate: 'event_on',
  values: [
    {
      from: '2011-01-01',
      to: null,
      value: 15,
      source: {
        act: 'Act No. 326/1999 Coll.',
        section: '§ 169t',
        url: 'https://www.mvcr.cz/mvcren/docDetail.aspx?docid=21722506&docType=ART&prn=1',
        verification: 'V',
        note: 'The period does not run while proceedings are interrupted and cannot end sooner than 15 days after the interruption ends.',
      },
    },
  ],
};

export const DEEMED_DELIVERY_DAYS: Parameter<number> = {
  id: 'delivery.deemed_after_days',
  readsDate: 'event_on',
  values: [{ from: '2006-01-01', to: null, value: 10, source: { ...APC, section: '§ 24(1)', verification: 'V' } }],
};

export const TOLERANCE_MAX_VALIDITY_YEARS: Parameter<number> = {
  id: 'tolerance_visa.max_validity_years',
  readsDate: 'decided_on',
  values: [
    {
      from: '2011-01-01',
      to: null,
      value: 1,
      source: {
        act: 'Act No. 326/1999 Coll.',
        section: '§ 33',
        url: 'https://www.migrace.com/cs/poradna/informace-pro-cizince/cizinci-ze-zemi-mimo-eu/viza-nad-90-dnu/vizum-strpeni',
        verification: 'V',
      },
    },
  ],
};

export const TOLERANCE_VISA_CODE: Parameter<string> = {
  id: 'tolerance_visa.sticker_code',
  readsDate: 'decided_on',
  values: [
    {
      from: '2011-01-01',
      to: null,
      value: 'D/VS/91',
      source: {
        act: 'sticker practice',
        url: 'https://advokatnidenik.cz/2023/03/16/lex-ukrajina-iv-zbyva-uz-jen-14-dnu-na-registraci-k-prodlouzeni-docasne-ochrany/',
        verification: 'V',
      },
    },
  ],
};

export const TOLERANCE_LEGAL_BASIS = '§ 33 odst. 1 písm. a) zákona č. 326/1999 Sb., o pobytu cizinců na území České republiky';

/** Grounds cited in procedural letters (Act 500/2004 Coll., Administrative Procedure Code). */
export const INTERRUPTION_LEGAL_GROUND = '§ 64 odst. 1 písm. a) a § 45 odst. 2 zákona č. 500/2004 Sb., správní řád';
export const WITHDRAWAL_LEGAL_GROUND = '§ 66 odst. 1 písm. a) zákona č. 500/2004 Sb., správní řád';
