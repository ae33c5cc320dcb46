/**
 * DOM helpers. Every text goes in through textContent: article text (quotes,
 * labels, titles) must never be parsed as HTML.
 */

export interface ElementOptions {
  className?: string;
  /** Set as textContent. */
  text?: string;
  /** Plain attributes (never event handlers: those are attached with addEventListener). */
  attrs?: Record<string, string>;
  /** Background colour of a swatch, set through the CSSOM (allowed by the page's CSP). */
  color?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: Array<Node | null | undefined> = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`newsgraph viewer: refusing event-handler attribute ${name}`);
    element.setAttribute(name, value);
  }
  if (options.color) element.style.background = options.color;
  for (const child of children) if (child) element.appendChild(child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`newsgraph viewer: the page has no #${id}`);
  return element as T;
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** An external link, only for http(s) addresses; anything else becomes plain text. */
export function safeLink(href: string | undefined, text: string): HTMLElement {
  if (href && /^https?:\/\//i.test(href)) {
    return el('a', { text, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } });
  }
  return el('span', { text });
}

/** Offers `content` as a file download named `filename`. */
export function download(content: Blob, filename: string): void {
  const url = URL.createObjectURL(content);
  const link = el('a', { attrs: { href: url, download: filename } });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
