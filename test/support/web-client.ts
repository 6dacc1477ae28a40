/** A form-posting client over `app.inject` that keeps cookies like a browser and sends the page's CSRF token. */
import type { App } from '../../src/app.ts';

export interface PageReply {
  status: number;
  body: string;
  location?: string;
  headers: Record<string, unknown>;
}

export class WebClient {
  readonly jar: Record<string, string> = {};
  private token: string | null = null;
  constructor(private readonly app: App) {}

  private take(r: { headers: Record<string, unknown>; body: string; statusCode: number }): PageReply {
    const set = r.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [String(set)] : []) {
      const [pair, ...attrs] = String(c).split(';');
      const [k, ...v] = pair!.split('=');
      const gone = attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)) || v.join('=') === '';
      if (gone) delete this.jar[k!.trim()];
      else this.jar[k!.trim()] = v.join('=');
    }
    const tok = /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1];
    if (tok) this.token = tok;
    return { status: r.statusCode, body: r.body, location: r.headers.location as string | undefined, headers: r.headers };
  }

  async get(url: string): Promise<PageReply> {
    return this.take(await this.app.inject({ url, cookies: this.jar }));
  }

  /** POSTs a form with the last page's CSRF token (or none when `csrf: false`). */
  async post(url: string, form: Record<string, string>, o: { csrf?: boolean } = {}): Promise<PageReply> {
    const fields = { ...(o.csrf === false || !this.token ? {} : { _csrf: this.token }), ...form };
    return this.take(
      await this.app.inject({
        method: 'POST',
        url,
        cookies: this.jar,
        payload: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
}

/** A browser of a member of staff: signs in on the sign-in page (the session cookie, like a browser). */
export async function staffBrowser(app: App, username: string, password = 'correct-horse-battery', locale = 'cs'): Promise<WebClient> {
  const web = new WebClient(app);
  await web.get(`/${locale}/sign-in`);
  const r = await web.post(`/${locale}/sign-in`, { username, password });
  if (r.status !== 303) throw new Error(`sign-in of ${username} failed: ${r.status}`);
  return web;
}
