/**
 * Static picture of the graph as SVG, built by hand (no DOM): nodes coloured
 * by type and sized by degree, edges coloured by relation, labels on the
 * biggest nodes, a legend. Every text goes through `escapeXml`.
 */
import type Graph from 'graphology';
import { ENTITY_TYPES } from '../ontology';
import { entityTypeColor, relationColor } from './colors';
import { startPositions } from './positions';

export interface SvgOptions {
  /** Picture width in px. Default: DEFAULT_WIDTH. Height follows the layout's aspect ratio. */
  width?: number;
  /** How many of the biggest nodes get a label. Default: DEFAULT_LABELLED_NODES. */
  labelledNodes?: number;
  /** Title written at the top left. Default: none. */
  title?: string;
  /** Font family of the texts. Default: FONT_FAMILY. */
  fontFamily?: string;
}

export const DEFAULT_WIDTH = 1600;
export const DEFAULT_LABELLED_NODES = 40;
export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const MIN_WIDTH = 200;
const MAX_WIDTH = 10000;
const MARGIN = 60;
const LEGEND_WIDTH = 200;
const MIN_RADIUS = 3;
const MAX_RADIUS = 18;
const LABEL_FONT_SIZE = 13;
/** Average glyph width as a share of the font size, to estimate label boxes without measuring text. */
const LABEL_CHAR_WIDTH = 0.58;
const BACKGROUND = '#ffffff';
const MIN_ASPECT = 0.5;
const MAX_ASPECT = 1.5;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

function fixed(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** Renders the graph (positions: stored x/y, else seeded start positions) to an SVG document. */
export function renderSvg(graph: Graph, options: SvgOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  if (!Number.isFinite(width) || width < MIN_WIDTH || width > MAX_WIDTH) throw new Error(`newsgraph renderSvg: width must be between ${MIN_WIDTH} and ${MAX_WIDTH}, got ${width}`);
  const labelled = options.labelledNodes ?? DEFAULT_LABELLED_NODES;
  const font = escapeXml(options.fontFamily ?? FONT_FAMILY);
  const positions = startPositions(graph);

  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  if (!positions.size) { minX = minY = -1; maxX = maxY = 1; }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const plotWidth = width - 2 * MARGIN - LEGEND_WIDTH;
  const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, spanY / spanX));
  const plotHeight = Math.max(plotWidth * aspect, 320);
  const height = Math.round(plotHeight + 2 * MARGIN);
  const scale = Math.min(plotWidth / spanX, plotHeight / spanY);
  const offsetX = MARGIN + (plotWidth - spanX * scale) / 2;
  const offsetY = MARGIN + (plotHeight - spanY * scale) / 2;
  // SVG's y grows downwards, layouts' upwards (as in sigma): flip.
  const project = (x: number, y: number) => ({ px: offsetX + (x - minX) * scale, py: offsetY + (maxY - y) * scale });

  let maxDegree = 0;
  graph.forEachNode((node) => { maxDegree = Math.max(maxDegree, graph.degree(node)); });
  const radius = (node: string) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(maxDegree ? graph.degree(node) / maxDegree : 0);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`);
  out.push(`<rect width="100%" height="100%" fill="${BACKGROUND}"/>`);
  if (options.title) out.push(`<text x="${MARGIN / 2}" y="${MARGIN / 2 + 6}" font-size="20" font-weight="bold" fill="#212529">${escapeXml(options.title)}</text>`);

  out.push('<g stroke-linecap="round" fill="none">');
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = positions.get(source)!;
    const b = positions.get(target)!;
    const p = project(a.x, a.y);
    const q = project(b.x, b.y);
    const claims = Array.isArray(attributes.claims) ? attributes.claims.length : 1;
    out.push(`<line x1="${fixed(p.px)}" y1="${fixed(p.py)}" x2="${fixed(q.px)}" y2="${fixed(q.py)}" stroke="${relationColor(attributes.type)}" stroke-opacity="0.55" stroke-width="${fixed(1 + Math.log2(Math.max(1, claims)))}"/>`);
  });
  out.push('</g>');

  const nodes = graph.nodes().sort((a, b) => graph.degree(a) - graph.degree(b) || (a < b ? -1 : 1));
  out.push('<g stroke="#ffffff" stroke-width="1.2">');
  for (const node of nodes) {
    const { x, y } = positions.get(node)!;
    const { px, py } = project(x, y);
    out.push(`<circle cx="${fixed(px)}" cy="${fixed(py)}" r="${fixed(radius(node))}" fill="${entityTypeColor(graph.getNodeAttribute(node, 'type'))}"/>`);
  }
  out.push('</g>');

  // Biggest first; a label that would overlap one already placed is skipped, as sigma's label grid does.
  const placed: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  const plotRight = MARGIN + plotWidth;
  out.push(`<g font-size="${LABEL_FONT_SIZE}" fill="#212529" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">`);
  let labelsLeft = Math.max(0, labelled);
  for (const node of [...nodes].reverse()) {
    if (labelsLeft === 0) break;
    const { x, y } = positions.get(node)!;
    const { px, py } = project(x, y);
    const label = String(graph.getNodeAttribute(node, 'label') ?? node);
    const textWidth = label.length * LABEL_FONT_SIZE * LABEL_CHAR_WIDTH;
    const r = radius(node);
    // Labels of nodes near the right edge go on their left, so they stay inside the picture.
    const onLeft = px + r + 3 + textWidth > plotRight + MARGIN / 2;
    const x0 = onLeft ? px - r - 3 - textWidth : px + r + 3;
    const box = { x0, y0: py - LABEL_FONT_SIZE * 0.8, x1: x0 + textWidth, y1: py + LABEL_FONT_SIZE * 0.4 };
    if (placed.some((other) => box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1)) continue;
    placed.push(box);
    labelsLeft--;
    out.push(`<text x="${fixed(onLeft ? px - r - 3 : px + r + 3)}" y="${fixed(py + LABEL_FONT_SIZE / 3)}"${onLeft ? ' text-anchor="end"' : ''}>${escapeXml(label)}</text>`);
  }
  out.push('</g>');

  const legendX = width - LEGEND_WIDTH - MARGIN / 2;
  out.push(`<g font-size="13" fill="#343a40"><text x="${legendX}" y="${MARGIN}" font-weight="bold">Entity types</text>`);
  ENTITY_TYPES.forEach((type, i) => {
    const y = MARGIN + 24 + i * 22;
    out.push(`<circle cx="${legendX + 7}" cy="${y - 4}" r="7" fill="${entityTypeColor(type)}"/><text x="${legendX + 22}" y="${y}">${escapeXml(type)}</text>`);
  });
  out.push(`<text x="${legendX}" y="${MARGIN + 24 + ENTITY_TYPES.length * 22 + 10}" fill="#868e96" font-size="11">${graph.order} entities · ${graph.size} relations</text>`);
  out.push('</g></svg>');
  return out.join('\n');
}
