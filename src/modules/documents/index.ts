/** Documents printed at home: the pre-filled long-stay visa form and the draft affidavit, as PDFs made on request. */
export {
  APPLICANT_FIELDS,
  type ApplicantDetails,
  type ApplicantField,
  type DocumentPurpose,
  type DocumentRequest,
  MARITAL_STATUSES,
  type MaritalStatus,
  SEXES,
  type Sex,
} from './domain/applicant.ts';
export {
  type ApplicantFieldError,
  type ApplicantProblem,
  type ApplicantResult,
  MAX_LENGTH,
  validateApplicant,
} from './domain/validate-applicant.ts';
export { buildVisaForm, formValues, type FormRow, type VisaFormContent } from './domain/visa-form.ts';
export { type AffidavitContent, buildAffidavit, BLANK } from './domain/affidavit.ts';
export { DOCUMENT_TEXTS, FORM_FIELD_IDS, type FormFieldId } from './domain/texts.ts';
export { DOCUMENT_KINDS, type DocumentKind, documentFileName, renderDocumentPdf } from './render/render-documents.ts';
