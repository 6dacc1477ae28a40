/**
 * The two PDFs, rendered on request on the letters module's pdfmake engine (its DejaVu fonts, no file
 * or URL access). Nothing is stored: the caller sends the bytes and forgets them.
 */
import { renderPdf } from '../../letters/index.ts';
import { buildAffidavit } from '../domain/affidavit.ts';
import type { DocumentRequest } from '../domain/applicant.ts';
import { buildVisaForm } from '../domain/visa-form.ts';
import { buildAffidavitDocument } from './affidavit-document.ts';
import { buildVisaFormDocument } from './visa-form-document.ts';

export type DocumentKind = 'form' | 'affidavit';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['form', 'affidavit'];

/** @throws NameCharacterError when a name holds a character no system maps (validateApplicant refuses it first). */
export function renderDocumentPdf(kind: DocumentKind, req: DocumentRequest): Promise<Buffer> {
  const doc =
    kind === 'form' ? buildVisaFormDocument(buildVisaForm(req), req.today) : buildAffidavitDocument(buildAffidavit(req), req.today);
  return renderPdf(doc);
}

/** The download's file name (no personal data in it). */
export const documentFileName = (kind: DocumentKind) =>
  kind === 'form' ? 'zadost-o-vizum-k-pobytu-nad-90-dnu.pdf' : 'cestne-prohlaseni.pdf';
