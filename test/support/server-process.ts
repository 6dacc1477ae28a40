/**
 * A real server process (`pobyt start`, through tsx) for the tests of several processes: started
 * with its own environment, reached over HTTP at the port it reports, stopped by a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_MASTER_KEY } from './test-app.ts';

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): Promise<number | string>;
  call(method: string, path: string, o?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Reply>;
}

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/** Environment for a server on `databaseUrl`; the caller's entries override. Test variables are not passed on. */
function serverEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TZ', 'NODE_OPTIONS']) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    POBYT_DATA_DIR: mkdtempSync(join(tmpdir(), 'pobyt-proc-')),
    POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}`,
    LOG_LEVEL: 'warn',
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    HOLDER_REQUESTS_PER_MINUTE: '1000000',
    ...extra,
  };
}

export async function startServerProcess(name: string, databaseUrl: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--no-demo'], {
    env: serverEnv(databaseUrl, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 90 s:\n${out}`)), 90_000);
    const look = () => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((c) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${c}) before listening:\n${out}`));
    });
  });
  const p: ServerProcess = {
    name,
    url,
    child,
    output: () => out,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(`${url}${path}`, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
      const text = await r.text();
      const ct = r.headers.get('content-type') ?? '';
      return { status: r.status, body: ct.includes('json') && text ? JSON.parse(text) : text, headers: r.headers };
    },
  };
  return p;
}

/** Signs in over HTTP and returns the bearer token. */
export async function signIn(p: ServerProcess, username: string, password: string): Promise<string> {
  const r = await p.call('POST', '/api/v1/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username} on ${p.name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}
