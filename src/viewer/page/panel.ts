/**
 * The side panel: an entity with its relations and their claims, one
 * relation's claims, or the hops of a path. Built with textContent only.
 */
import type Graph from 'graphology';
import { entityTypeColor, relationColor, relationLabel, STATUS_COLORS } from '../colors';
import type { EntityPath } from '../paths';
import { el, safeLink } from './dom';

export interface ArticleInfo {
  id: string;
  title?: string;
  date?: string;
  url?: string;
}

interface ClaimView {
  doc?: string;
  sentence?: number;
  quote?: string;
  quantity?: number;
  unit?: string;
  date?: string;
  attributedTo?: string;
  status?: string;
}

export interface PanelContext {
  graph: Graph;
  articles: ReadonlyMap<string, ArticleInfo>;
  /** Claims a filter currently hides are shown dimmed, not dropped: the panel is the evidence. */
  claimVisible: (claim: ClaimView) => boolean;
  onEntity: (node: string) => void;
  onEdge: (edge: string) => void;
  /** Text of a sentence when some claim quotes it; undefined otherwise. */
  sentenceText: (doc: string, sentence: number) => string | undefined;
}

/**
 * Relations of one type listed at once in an entity's panel; the rest come on
 * demand. A hub of a big graph has thousands: building them all made a click
 * take seconds, and nobody reads past the first screens.
 */
export const RELATIONS_SHOWN_PER_TYPE = 20;

/** At most this many distinct mention sentences are listed in an entity's panel. */
const MAX_MENTIONS_SHOWN = 12;

const WIKIDATA_ID = /^Q\d+$/;
const QUANTITY_FORMAT = new Intl.NumberFormat('fr-FR');

function labelOf(graph: Graph, node: string): string {
  const label = graph.getNodeAttribute(node, 'label');
  return typeof label === 'string' ? label : node;
}

function claimsOf(graph: Graph, edge: string): ClaimView[] {
  const claims = graph.getEdgeAttribute(edge, 'claims');
  return Array.isArray(claims) ? (claims as ClaimView[]) : [];
}

function compareClaims(a: ClaimView, b: ClaimView): number {
  return (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.doc ?? '').localeCompare(b.doc ?? '') || (a.sentence ?? 0) - (b.sentence ?? 0);
}

function entityButton(context: PanelContext, node: string): HTMLElement {
  const button = el('button', { className: 'entity-link', text: labelOf(context.graph, node), attrs: { type: 'button', 'data-node': node } });
  button.addEventListener('click', () => context.onEntity(node));
  return button;
}

/** One claim: the quote, then status, quantity, date, source and article. */
export function claimElement(context: PanelContext, claim: ClaimView): HTMLElement {
  const article = claim.doc ? context.articles.get(claim.doc) : undefined;
  const facts = el('div', { className: 'facts' }, [
    el('span', { className: 'status', text: claim.status ?? 'unknown', color: STATUS_COLORS[claim.status as keyof typeof STATUS_COLORS] ?? '#868e96' }),
    typeof claim.quantity === 'number'
      ? el('span', { className: 'quantity', text: `${QUANTITY_FORMAT.format(claim.quantity)}${claim.unit ? ` ${claim.unit}` : ''}` })
      : null,
    claim.date ? el('span', { text: `dated ${claim.date}` }) : null,
    claim.attributedTo ? el('span', { text: `according to ${claim.attributedTo}` }) : null,
    el('span', {}, [
      safeLink(article?.url, article?.title ?? claim.doc ?? 'unknown article'),
      article?.date ? el('span', { text: ` (${article.date})` }) : null,
    ]),
  ]);
  const element = el('div', { className: 'claim' }, [el('blockquote', { text: claim.quote ?? '' }), facts]);
  if (!context.claimVisible(claim)) element.style.opacity = '0.45';
  return element;
}

function claimList(context: PanelContext, edge: string): HTMLElement[] {
  return claimsOf(context.graph, edge).slice().sort(compareClaims).map((claim) => claimElement(context, claim));
}

/** The panel of an entity: who it is, then its relations grouped by type with their claims. */
export function entityPanel(context: PanelContext, node: string): HTMLElement {
  const { graph } = context;
  const attributes = graph.getNodeAttributes(node);
  const type = String(attributes.type ?? '');
  const aliases = Array.isArray(attributes.aliases) ? (attributes.aliases as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const mentions = Array.isArray(attributes.mentions) ? (attributes.mentions as Array<{ doc?: string }>) : [];
  const docs = new Set(mentions.map((mention) => mention.doc));
  const wikidata = typeof attributes.wikidata === 'string' && WIKIDATA_ID.test(attributes.wikidata) ? attributes.wikidata : undefined;

  const root = el('div', { className: 'entity', attrs: { 'data-node': node } }, [
    el('h1', { text: labelOf(graph, node) }),
    el('div', { className: 'row' }, [
      el('span', { className: 'badge', text: type, color: entityTypeColor(type) }),
      wikidata ? safeLink(`https://www.wikidata.org/wiki/${wikidata}`, `Wikidata ${wikidata}`) : null,
    ]),
    aliases.length ? el('div', { className: 'aliases' }, [el('span', { className: 'muted', text: 'Also: ' }), el('span', { text: aliases.join(' · ') })]) : null,
    el('div', { className: 'meta-line', text: `${mentions.length} mention${mentions.length === 1 ? '' : 's'} in ${docs.size} article${docs.size === 1 ? '' : 's'}` }),
  ]);

  const groups = new Map<string, string[]>();
  graph.forEachEdge(node, (edge, edgeAttributes) => {
    const relation = String(edgeAttributes.type ?? '');
    if (!groups.has(relation)) groups.set(relation, []);
    groups.get(relation)!.push(edge);
  });
  if (!groups.size) root.appendChild(el('p', { className: 'empty', text: 'No relations.' }));
  for (const [relation, edges] of [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    root.appendChild(el('h3', {}, [el('span', { className: 'swatch line', color: relationColor(relation) }), el('span', { text: `${relationLabel(relation)} (${edges.length})` })]));
    const first = edges.slice(0, RELATIONS_SHOWN_PER_TYPE);
    for (const edge of first) root.appendChild(relationElement(context, node, edge));
    if (edges.length > first.length) {
      const more = el('button', { className: 'link more', text: `Show ${edges.length - first.length} more`, attrs: { type: 'button', 'data-more': relation } });
      more.addEventListener('click', () => {
        const rest = edges.slice(first.length).map((edge) => relationElement(context, node, edge));
        more.replaceWith(...rest);
      });
      root.appendChild(more);
    }
  }
  root.appendChild(mentionsSection(context, mentions));
  return root;
}

/** One relation of `node` in its panel: direction, the other end, and every claim. */
function relationElement(context: PanelContext, node: string, edge: string): HTMLElement {
  const { graph } = context;
  const source = graph.source(edge);
  const other = graph.opposite(node, edge);
  const arrow = graph.isUndirected(edge) ? '—' : source === node ? '→' : '←';
  const count = claimsOf(graph, edge).length;
  const head = el('div', { className: 'relation-head' }, [
    el('span', { className: 'arrow', text: arrow }),
    entityButton(context, other),
    el('span', { className: 'muted', text: `${count} claim${count === 1 ? '' : 's'}` }),
  ]);
  const role = graph.getEdgeAttribute(edge, 'role');
  const items = graph.getEdgeAttribute(edge, 'items');
  return el('div', { className: 'relation', attrs: { 'data-edge': edge } }, [
    head,
    typeof role === 'string' ? el('div', { className: 'meta-line', text: `role: ${role}` }) : null,
    Array.isArray(items) && items.length ? el('div', { className: 'meta-line', text: `items: ${items.join(', ')}` }) : null,
    ...claimList(context, edge),
  ]);
}

/** Where the entity is named: article, and the sentence when a claim quotes it. */
function mentionsSection(context: PanelContext, mentions: Array<{ doc?: string; sentence?: number }>): HTMLElement {
  const seen = new Set<string>();
  const distinct = mentions.filter((mention) => {
    const key = `${mention.doc}\u0000${mention.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const section = el('div', { className: 'mentions' }, [el('h3', { text: `Mentions (${distinct.length})` })]);
  for (const mention of distinct.slice(0, MAX_MENTIONS_SHOWN)) {
    const article = mention.doc ? context.articles.get(mention.doc) : undefined;
    const text = mention.doc !== undefined && mention.sentence !== undefined ? context.sentenceText(mention.doc, mention.sentence) : undefined;
    section.appendChild(
      el('div', { className: 'claim mention' }, [
        text ? el('blockquote', { text }) : null,
        el('div', { className: 'facts' }, [
          safeLink(article?.url, article?.title ?? mention.doc ?? 'unknown article'),
          article?.date ? el('span', { text: `(${article.date})` }) : null,
          el('span', { text: `sentence ${(mention.sentence ?? 0) + 1}` }),
        ]),
      ]),
    );
  }
  if (distinct.length > MAX_MENTIONS_SHOWN) section.appendChild(el('p', { className: 'muted', text: `… and ${distinct.length - MAX_MENTIONS_SHOWN} more` }));
  return section;
}

/** The panel of one relation: its two ends and every claim. */
export function edgePanel(context: PanelContext, edge: string): HTMLElement {
  const { graph } = context;
  const type = String(graph.getEdgeAttribute(edge, 'type') ?? '');
  const role = graph.getEdgeAttribute(edge, 'role');
  const items = graph.getEdgeAttribute(edge, 'items');
  const claims = claimsOf(graph, edge);
  return el('div', { className: 'edge', attrs: { 'data-edge': edge } }, [
    el('h1', { text: relationLabel(type) }),
    el('div', { className: 'relation-head' }, [
      entityButton(context, graph.source(edge)),
      el('span', { className: 'arrow', text: graph.isUndirected(edge) ? '—' : '→' }),
      entityButton(context, graph.target(edge)),
    ]),
    el('div', { className: 'row' }, [el('span', { className: 'badge', text: type, color: relationColor(type) })]),
    typeof role === 'string' ? el('div', { className: 'meta-line', text: `role: ${role}` }) : null,
    Array.isArray(items) && items.length ? el('div', { className: 'meta-line', text: `items: ${items.join(', ')}` }) : null,
    el('h3', { text: `${claims.length} claim${claims.length === 1 ? '' : 's'}` }),
    ...claimList(context, edge),
  ]);
}

/** The panel of a path: each hop, its relation(s) and the first quote behind each. */
export function pathPanel(context: PanelContext, from: string, to: string, path: EntityPath | null): HTMLElement {
  const { graph } = context;
  const root = el('div', { className: 'path' }, [el('h1', { text: 'Path' })]);
  root.appendChild(el('div', { className: 'relation-head' }, [entityButton(context, from), el('span', { className: 'arrow', text: '⇢' }), entityButton(context, to)]));
  if (!path) {
    root.appendChild(el('p', { className: 'empty', text: 'No path between these entities with the current filters.' }));
    return root;
  }
  root.appendChild(el('div', { className: 'meta-line', text: `${path.hops.length} hop${path.hops.length === 1 ? '' : 's'}` }));
  path.hops.forEach((hop, i) => {
    const hopElement = el('div', { className: 'hop', attrs: { 'data-hop': String(i) } }, [
      el('div', { className: 'relation-head' }, [el('span', { className: 'hop-index', text: String(i + 1) }), entityButton(context, hop.from), el('span', { className: 'arrow', text: '—' }), entityButton(context, hop.to)]),
    ]);
    for (const edge of hop.edges) {
      const type = String(graph.getEdgeAttribute(edge, 'type') ?? '');
      const claims = claimsOf(graph, edge).slice().sort(compareClaims);
      const direction = graph.isUndirected(edge) ? '—' : graph.source(edge) === hop.from ? '→' : '←';
      const relationHead = el('button', { className: 'entity-link', text: `${direction} ${relationLabel(type)}`, attrs: { type: 'button' } });
      relationHead.addEventListener('click', () => context.onEdge(edge));
      hopElement.appendChild(
        el('div', { className: 'relation', attrs: { 'data-edge': edge } }, [
          el('div', { className: 'relation-head' }, [el('span', { className: 'swatch line', color: relationColor(type) }), relationHead, claims.length > 1 ? el('span', { className: 'muted', text: `+${claims.length - 1} more claim${claims.length > 2 ? 's' : ''}` }) : null]),
          claims[0] ? claimElement(context, claims[0]) : null,
        ]),
      );
    }
    root.appendChild(hopElement);
  });
  return root;
}
