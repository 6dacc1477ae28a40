import { LetterInputError } from './letter.errors.ts';
import { buildFooterBlocks, buildHeaderBlocks } from './letter-parts.ts';
import { buildDiscontinuationBody } from './kinds/discontinuation-letter.ts';
import { buildGrantBody } from './kinds/grant-letter.ts';
import { buildInterruptionBody } from './kinds/interruption-letter.ts';
import { buildRefusalBody } from './kinds/refusal-letter.ts';
import { buildReturnBody } from './kinds/return-letter.ts';
import type { LetterContent, LetterInput, LetterKind } from './letter.types.ts';

const BODY_BUILDERS: Record<LetterKind, (input: LetterInput) => LetterContent> = {
  return: buildReturnBody,
  grant: buildGrantBody,
  refusal: buildRefusalBody,
  discontinuation: buildDiscontinuationBody,
  interruption: buildInterruptionBody,
};

/**
 * Words the whole letter in Czech: letterhead and addressee, the body for the kind, signature block.
 * Pure: the same input always gives the same content.
 * @throws LetterInputError (VALIDATION.FAILED) when a field is empty, a date is invalid, or the data
 *   the kind needs (missingItems, visa, refusal, discontinuation, interruption) is missing.
 */
export function buildLetterContent(input: LetterInput): LetterContent {
  const buildBody = Object.hasOwn(BODY_BUILDERS, input.kind) ? BODY_BUILDERS[input.kind] : undefined;
  if (!buildBody) {
    throw LetterInputError.of('/kind', 'UNKNOWN_KIND', `unknown letter kind ${JSON.stringify(input.kind)}`);
  }
  const header = buildHeaderBlocks(input);
  const body = buildBody(input);
  return { title: body.title, blocks: [...header, ...body.blocks, ...buildFooterBlocks(input)] };
}
