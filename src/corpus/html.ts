/**
 * HTML page → article text and metadata. Only the body text of the article
 * is kept: never script, style, navigation, header, footer, aside, forms;
 * when the page has <article> (the longest one) or <main>, only that is read.
 * Block elements become line breaks, entities are decoded by htmlparser2.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never article text. */
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form',
  'button', 'select', 'option', 'textarea', 'iframe', 'svg', 'canvas', 'object', 'embed',
  'head', 'menu', 'dialog',
]);

/** Elements that start a new line of text. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'main', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'thead', 'tbody',
  'figure', 'figcaption', 'hr', 'address', 'details', 'summary', 'body', 'html', 'center',
]);

/** Elements that never have content or an end tag. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'area', 'base', 'col', 'source', 'track', 'wbr']);

/** An <article> or <main> shorter than this is taken for a teaser card, not the article. */
const MIN_REGION_CHARS = 200;

/** Meta tags naming the publication date, in order of preference. */
const DATE_META_KEYS = [
  'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate',
  'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
];

/** Structured data (schema.org NewsArticle) is read only for its publication date, with a bounded regex rather than a JSON parse of untrusted script text. */
const JSON_LD_DATE = /"datePublished"\s*:\s*"([^"]{4,40})"/;
const MAX_JSON_LD_CHARS = 100_000;

export interface HtmlArticle {
  /** Text of the article body, one block per line. */
  text: string;
  title?: string;
  /** Date as written in the page metadata (ISO-8601 in practice). */
  date?: string;
  url?: string;
}

interface Region {
  kind: 'article' | 'main';
  parts: string[];
  depth: number;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Joins collected text parts, turning block markers into line breaks. */
function partsToText(parts: string[]): string {
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Extracts the article text and metadata of an HTML page. Never throws on malformed HTML. */
export function htmlToArticle(html: string): HtmlArticle {
  const body: string[] = [];
  const regions: Region[] = [];
  const open: Region[] = [];
  const meta = new Map<string, string>();
  const stack: string[] = [];
  let skipDepth = 0;
  let titleText = '';
  let inTitle = false;
  let h1Text: string | undefined;
  let h1Parts: string[] | null = null;
  let canonical: string | undefined;
  let timeDate: string | undefined;
  let jsonLd = '';
  let inJsonLd = false;

  const emit = (text: string): void => {
    body.push(text);
    for (const region of open) region.parts.push(text);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content && !meta.has(key)) meta.set(key, attrs.content);
          return;
        }
        if (name === 'link') {
          if ((attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && attrs.href) canonical ??= attrs.href;
          return;
        }
        if (name === 'time' && attrs.datetime && timeDate === undefined) timeDate = attrs.datetime;
        if (name === 'script' && (attrs.type ?? '').toLowerCase() === 'application/ld+json') inJsonLd = true;
        if (VOID_ELEMENTS.has(name)) {
          if (name === 'br' || name === 'hr') emit('\n');
          return;
        }
        stack.push(name);
        if (name === 'title') inTitle = true;
        // The headline often sits in a <header>: it is read for the title even where the text is skipped.
        if (name === 'h1' && h1Text === undefined) h1Parts = [];
        if (SKIPPED_ELEMENTS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'article' || name === 'main') {
          const region: Region = { kind: name, parts: [], depth: stack.length };
          regions.push(region);
          open.push(region);
        }
        if (BLOCK_ELEMENTS.has(name)) emit('\n');
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (inJsonLd && jsonLd.length < MAX_JSON_LD_CHARS) jsonLd += text;
        if (h1Parts) h1Parts.push(text);
        if (skipDepth > 0) return;
        emit(text);
      },
      onclosetag(name) {
        if (VOID_ELEMENTS.has(name)) return;
        // htmlparser2 reports implied closes for unclosed children; pop down to the matching tag.
        const at = stack.lastIndexOf(name);
        if (at === -1) return;
        while (stack.length > at) {
          const closing = stack.pop()!;
          if (closing === 'title') inTitle = false;
          if (closing === 'script') inJsonLd = false;
          if (closing === 'h1' && h1Parts) {
            h1Text = squash(h1Parts.join(''));
            h1Parts = null;
          }
          if (skipDepth > 0 && SKIPPED_ELEMENTS.has(closing)) {
            skipDepth--;
            continue;
          }
          if (skipDepth > 0) continue;
          if (BLOCK_ELEMENTS.has(closing)) emit('\n');
          const last = open[open.length - 1];
          if (last && last.depth === stack.length + 1) open.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();

  const text = chooseText(body, regions);
  const title = squash(meta.get('og:title') ?? '') || h1Text || squash(titleText) || undefined;
  const date = DATE_META_KEYS.map((k) => meta.get(k)).find((v) => v && v.trim()) ?? JSON_LD_DATE.exec(jsonLd)?.[1] ?? timeDate;
  const url = canonical ?? meta.get('og:url');
  return { text, title: title || undefined, date: date?.trim(), url: url?.trim() || undefined };
}

/** The longest <article>, else <main>, else the whole body, as long as the region holds real text. */
function chooseText(body: string[], regions: Region[]): string {
  for (const kind of ['article', 'main'] as const) {
    const texts = regions.filter((r) => r.kind === kind).map((r) => partsToText(r.parts));
    const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length >= MIN_REGION_CHARS) return longest;
  }
  return partsToText(body);
}
