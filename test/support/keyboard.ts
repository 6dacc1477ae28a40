/**
 * Keyboard-only steps for the browser tests: Tab (or Shift+Tab) until a selector has focus, checking on
 * every stop that the focused element (or its design-system wrapper) shows a focus ring (a computed
 * outline of at least 2 px with at least 3:1 contrast against what is behind it) and lies inside the viewport, so a person using the keyboard can see where they are.
 */
import assert from 'node:assert/strict';

type Page = import('playwright-core').Page;

export interface FocusInfo {
  tag: string;
  id: string;
  name: string;
  href: string;
  outline: string;
  visible: boolean;
  /** A ring of at least 2 px with at least 3:1 contrast against its background. */
  ring: boolean;
  contrast: number;
}

/** What has focus now, with its computed outline, and whether the ring can be seen. */
export async function focused(page: Page): Promise<FocusInfo | null> {
  const f = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // The ring is on the element or, for the design system's inputs (outline none on the input, a
    // :focus-within outline on its wrapper), on the nearest of its three closest ancestors that has one.
    // The outline found is measured on its own element; a ring on an ancestor shows only with focus inside.
    let ringEl: Element | null = el;
    let s = getComputedStyle(el);
    const candidates: Element[] = [el];
    // A design-system radio or checkbox draws its ring on the label beside it (`input:focus-visible + span`).
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.nextElementSibling)
      candidates.push(el.nextElementSibling);
    for (let e = el.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) candidates.push(e);
    for (const e of candidates) {
      const c = getComputedStyle(e);
      if (c.outlineStyle !== 'none' && (Number.parseFloat(c.outlineWidth) || 0) > 0) {
        ringEl = e;
        s = c;
        break;
      }
    }
    // The background the ring is drawn on: the nearest painted ancestor that holds the whole ring (the
    // element's box grown by outline offset and width); its contrast is computed below.
    const grow = (Number.parseFloat(s.outlineOffset) || 0) + (Number.parseFloat(s.outlineWidth) || 0);
    const rr = ringEl.getBoundingClientRect();
    let bg = 'rgb(255, 255, 255)';
    for (let e = ringEl.parentElement; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      const a = (c.match(/[\d.]+/g) ?? []).map(Number)[3];
      const b = e.getBoundingClientRect();
      const holds = b.left <= rr.left - grow && b.top <= rr.top - grow && b.right >= rr.right + grow && b.bottom >= rr.bottom + grow;
      if ((a === undefined || a > 0) && (holds || e === document.documentElement || e === document.body)) {
        bg = c;
        break;
      }
    }
    const width = Number.parseFloat(s.outlineWidth) || 0;
    const transparent = /rgba\(\d+, \d+, \d+, 0\)|transparent/.test(s.outlineColor);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      href: el.getAttribute('href') ?? '',
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} on <${ringEl.tagName.toLowerCase()}>`,
      color: s.outlineColor,
      background: bg,
      visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth && r.top < innerHeight,
      ring: s.outlineStyle !== 'none' && width >= 2 && !transparent,
    };
  });
  if (!f) return null;
  const contrast = contrastRatio(f.color, f.background);
  return { ...f, contrast, ring: f.ring && contrast >= 3, outline: `${f.outline}, ${contrast}:1 against ${f.background}` };
}

const channels = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);

function luminance(c: string) {
  const [r = 0, g = 0, b = 0] = channels(c).map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two computed `rgb()` colours, rounded to two places. */
export function contrastRatio(a: string, b: string) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
}

/** Assert the focused element shows a visible focus ring inside the viewport. */
export async function assertVisibleFocus(page: Page, what: string) {
  const f = await focused(page);
  assert.ok(f, `${what}: nothing has focus`);
  assert.ok(f.ring, `${what}: no visible focus ring on <${f.tag} ${f.id || f.name || f.href}> (outline ${f.outline})`);
  assert.ok(f.visible, `${what}: focused <${f.tag} ${f.id || f.name || f.href}> is outside the viewport`);
  return f;
}

/**
 * Press Tab (Shift+Tab when `back`) until `selector` matches the focused element, at most `max` times,
 * asserting a visible focus ring at every stop. Fails when the element is not reachable.
 */
export async function tabTo(page: Page, selector: string, opts: { back?: boolean; max?: number } = {}) {
  const key = opts.back ? 'Shift+Tab' : 'Tab';
  const max = opts.max ?? 60;
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await assertVisibleFocus(page, `${key} towards ${selector}`);
    seen.push(`${f.tag}${f.id ? `#${f.id}` : ''}${f.href ? `[${f.href}]` : ''}`);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i + 1;
  }
  assert.fail(`${selector} not reached by ${key} in ${max} presses; stops: ${seen.join(' ')}`);
}
