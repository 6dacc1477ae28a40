/** What each kind of authority may see. A client's scopes are fixed when its key is issued. */
export const FIELDS = [
  'status',
  'visaCode',
  'validFrom',
  'validTo',
  'cancelledOn',
  'holderName',
  'dateOfBirth',
  'publicHealthInsurance',
  'workPermitRequired',
  'humanitarianBenefit',
  'travelAndReentry',
] as const;
export type Field = (typeof FIELDS)[number];
export type AuthorityKind = 'health_insurance' | 'labour_office' | 'social_security' | 'other';

export const DEFAULT_SCOPES: Record<AuthorityKind, Field[]> = {
  health_insurance: ['status', 'validFrom', 'validTo', 'cancelledOn', 'visaCode', 'publicHealthInsurance'],
  labour_office: ['status', 'validFrom', 'validTo', 'cancelledOn', 'visaCode', 'workPermitRequired'],
  social_security: ['status', 'validFrom', 'validTo', 'cancelledOn', 'visaCode', 'humanitarianBenefit'],
  other: ['status', 'validTo', 'cancelledOn'],
};

export function pick(record: Partial<Record<Field, unknown>>, scopes: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(FIELDS.filter((f) => scopes.includes(f) && f in record).map((f) => [f, record[f]]));
}
