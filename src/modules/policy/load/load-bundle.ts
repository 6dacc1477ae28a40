/** Reads policy/ (YAML), validates it and caches the bundle for the process. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { LANGS, type Lang, type PolicyBundle } from '../domain/bundle.types.ts';
import { buildBundle, type RawPolicy } from '../domain/validate-bundle.ts';

export const DEFAULT_POLICY_DIR = fileURLToPath(new URL('../../../../policy/', import.meta.url));

function yaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { uniqueKeys: true });
}

export function readRawPolicy(dir = DEFAULT_POLICY_DIR): RawPolicy {
  const ruleFiles = readdirSync(join(dir, 'rules'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return {
    sources: yaml(join(dir, 'sources.yaml')),
    parameters: yaml(join(dir, 'parameters.yaml')),
    facts: yaml(join(dir, 'facts.yaml')),
    rules: ruleFiles.map((f) => ({ file: `rules/${f}`, doc: yaml(join(dir, 'rules', f)) })),
    messages: Object.fromEntries(LANGS.map((l) => [l, yaml(join(dir, 'messages', `${l}.yaml`))])) as Record<Lang, unknown>,
  };
}

let cached: PolicyBundle | null = null;

/** The bundle in policy/, loaded once. A broken policy file fails here, at boot, with every problem listed. */
export function defaultBundle(): PolicyBundle {
  cached ??= buildBundle(readRawPolicy());
  return cached;
}
