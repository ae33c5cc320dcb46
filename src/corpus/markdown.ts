/**
 * Markdown → plain text, line by line (linear): front matter read for
 * metadata and dropped, heading marks, emphasis, images, link targets, block
 * quote marks and HTML comments removed. List bullets stay ("- "): the
 * segmenter starts sentences after them.
 */

export interface MarkdownArticle {
  text: string;
  title?: string;
  date?: string;
  url?: string;
}

const FRONT_MATTER_FENCE = /^(---|\+\+\+)\s*$/;
const FRONT_MATTER_FIELD = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const BLOCKQUOTE = /^ {0,3}(?:>\s?)+/;
const IMAGE = /!\[([^\]\n]*)\]\([^)\n]*\)/g;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*\S+/;
/** Emphasis markers around a word: **x**, __x__, *x*, _x_ — only at word edges, so snake_case survives. */
const EMPHASIS = /(^|[\s(«"“])(\*{1,3}|_{1,3})(?=\S)([^*_\n]+?)(?<=\S)\2(?=$|[\s).,;:!?»"”])/g;
const INLINE_CODE = /`([^`\n]+)`/g;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const CODE_FENCE = /^ {0,3}(```|~~~)/;

function unquote(value: string): string {
  return value.trim().replace(/^["']|["']$/g, '');
}

/** Reads a leading front-matter block; returns its fields and the line where the body starts. */
function readFrontMatter(lines: string[]): { fields: Map<string, string>; bodyStart: number } {
  const fields = new Map<string, string>();
  if (lines.length === 0 || !FRONT_MATTER_FENCE.test(lines[0])) return { fields, bodyStart: 0 };
  for (let i = 1; i < lines.length; i++) {
    if (FRONT_MATTER_FENCE.test(lines[i])) return { fields, bodyStart: i + 1 };
    const field = FRONT_MATTER_FIELD.exec(lines[i]);
    if (field) fields.set(field[1].toLowerCase(), unquote(field[2]));
  }
  return { fields: new Map(), bodyStart: 0 };
}

function inlineToText(line: string): string {
  return line
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(INLINE_CODE, '$1')
    .replace(EMPHASIS, '$1$3');
}

/** Converts a Markdown article to plain text lines. */
export function markdownToArticle(markdown: string): MarkdownArticle {
  const lines = markdown.replace(HTML_COMMENT, '').split('\n');
  const { fields, bodyStart } = readFrontMatter(lines);
  const out: string[] = [];
  let firstHeading: string | undefined;
  let inFence = false;
  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i];
    if (CODE_FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (REFERENCE_DEFINITION.test(raw)) continue;
    if (SETEXT_UNDERLINE.test(raw) && out.length > 0 && out[out.length - 1].trim() !== '') {
      firstHeading ??= out[out.length - 1].trim();
      continue;
    }
    const heading = HEADING.exec(raw);
    let line = heading ? heading[1] : raw.replace(BLOCKQUOTE, '');
    line = inlineToText(line);
    if (heading) firstHeading ??= line.trim();
    out.push(line);
  }
  return {
    text: out.join('\n'),
    title: fields.get('title') || firstHeading,
    date: fields.get('date') || fields.get('published') || undefined,
    url: fields.get('url') || fields.get('canonical') || fields.get('source') || undefined,
  };
}
