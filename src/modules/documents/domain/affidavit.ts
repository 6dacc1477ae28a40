/**
 * The draft affidavit (čestné prohlášení) that replaces proof of the § 33(1)(a) obstacle under
 * § 34(b) Act 326/1999 Coll.: in Czech, the person's language beside it, the person's particulars in
 * CAPITAL LATIN LETTERS (blank lines where unknown), and the notary's certification clause left blank
 * (the notarisation is practice, facts §1.1). Pure.
 */
import type { DocumentRequest } from './applicant.ts';
import { DOCUMENT_TEXTS, type FormFieldId } from './texts.ts';
import { type Bilingual, bilingual, formValues } from './visa-form.ts';

/** A line to write on by hand. */
export const BLANK = '________________';

export interface AffidavitContent {
  title: Bilingual;
  draft: Bilingual;
  intro: Bilingual;
  /** The person's particulars: Czech label, label in their language, value (or BLANK). */
  particulars: { labelCs: string; labelLocal: string | null; value: string }[];
  body: Bilingual[];
  signature: Bilingual[];
  notaryTitle: Bilingual;
  notary: Bilingual[];
}

const PARTICULARS: FormFieldId[] = ['surname', 'givenNames', 'dateOfBirth', 'placeOfBirth', 'citizenship', 'docNumber', 'addressInCzechia'];

export function buildAffidavit(req: DocumentRequest): AffidavitContent {
  const { locale } = req;
  const values = formValues(req.applicant, req.nationality);
  const sex = { sex: req.applicant.sex ?? 'other' };
  const b = { blank: BLANK };
  return {
    title: bilingual('aff.title', locale),
    draft: bilingual('aff.draft', locale),
    intro: bilingual('aff.intro', locale, sex),
    particulars: PARTICULARS.map((id) => ({
      labelCs: DOCUMENT_TEXTS.cs.labels[id],
      labelLocal: locale === 'cs' ? null : DOCUMENT_TEXTS[locale].labels[id],
      value: values[id] || BLANK,
    })),
    body: [
      bilingual('aff.declare', locale, sex),
      bilingual('aff.replaces', locale),
      bilingual('aff.truth', locale, sex),
      bilingual('aff.more', locale),
    ],
    signature: [bilingual('aff.place_date', locale, b), bilingual('aff.signature', locale, b)],
    notaryTitle: bilingual('aff.notary.title', locale),
    notary: [
      bilingual('aff.notary.number', locale, b),
      bilingual('aff.notary.verify', locale, b),
      bilingual('aff.notary.place_date', locale, b),
      bilingual('aff.notary.signature', locale, b),
    ],
  };
}
