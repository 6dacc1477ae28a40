/** A what-if bundle: the policy in policy/ with some parameters (or sources) replaced by an overlay file. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PolicyBundle } from '../domain/bundle.types.ts';
import { buildBundle } from '../domain/validate-bundle.ts';
import { readRawPolicy } from './load-bundle.ts';

export interface Overlay {
  parameters?: Record<string, unknown>;
  sources?: Record<string, unknown>;
}

export function scenarioBundle(overlay: Overlay): PolicyBundle {
  const raw = readRawPolicy();
  const unknownKeys = Object.keys(overlay).filter((k) => !['parameters', 'sources'].includes(k));
  if (unknownKeys.length) throw new Error(`a scenario may replace parameters and sources only (got ${unknownKeys.join(', ')})`);
  for (const id of Object.keys(overlay.parameters ?? {})) {
    if (!(id in (raw.parameters as Record<string, unknown>))) throw new Error(`the scenario names an unknown parameter ${id}`);
  }
  raw.parameters = { ...(raw.parameters as object), ...(overlay.parameters ?? {}) };
  raw.sources = { ...(raw.sources as object), ...(overlay.sources ?? {}) };
  return buildBundle(raw);
}

export function readOverlay(path: string): Overlay {
  return (parse(readFileSync(path, 'utf8')) ?? {}) as Overlay;
}
