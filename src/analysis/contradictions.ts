/**
 * Contradictions: edges whose claims disagree on a number for the same unit
 * (10 000 / 11 000 / 15 000 soldats on Corée du Nord —DEPLOYED_TROOPS_TO→ Russie).
 * The claims stay separate on the edge (ONTOLOGY.md); this lists them side by
 * side with their source, date, status and article so an analyst can weigh them.
 */
import type { Claim, ClaimStatus, RelationType } from '../ontology';
import { CLAIM_STATUSES } from '../ontology';
import type { NewsGraph } from '../graph';
import { AnalysisInputError, assertGraph } from './errors';

const WHO = 'newsgraph contradictions';
/** Sorts undated claims after dated ones. */
const UNDATED = '\uffff';

export interface ContradictionOptions {
  /** Only claims of these statuses are compared. Default: all four (a plan that disagrees with a report is worth seeing). */
  statuses?: readonly ClaimStatus[];
  /** Only edges of these relation types. Default: every type. */
  types?: readonly RelationType[];
  /** Least number of distinct quantities for a unit to count as a disagreement. Default 2. */
  minDistinct?: number;
}

export const CONTRADICTION_DEFAULTS: Required<ContradictionOptions> = {
  statuses: CLAIM_STATUSES,
  types: [],
  minDistinct: 2,
};

/** One claim of a disagreement, as listed. */
export interface ContradictionClaim {
  quantity: number;
  unit: string;
  attributedTo?: string;
  date?: string;
  status: ClaimStatus;
  doc: string;
  sentence: number;
  quote: string;
}

/** An edge whose claims give different numbers for one unit. */
export interface Contradiction {
  edge: string;
  type: RelationType;
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  undirected: boolean;
  unit: string;
  /** The distinct numbers, ascending. */
  quantities: number[];
  /** Every claim with a number in that unit, by quantity, then date (undated last), then article. */
  claims: ContradictionClaim[];
}

function label(graph: NewsGraph, node: string): string {
  const value = graph.getNodeAttribute(node, 'label');
  return typeof value === 'string' && value ? value : node;
}

/**
 * Lists every (edge, unit) whose claims state at least `minDistinct` different
 * quantities, sorted by relation type, subject, object, unit. Claims without a
 * quantity or a unit are not compared. Returns [] for a graph without such edges.
 */
export function findContradictions(graph: NewsGraph, options: ContradictionOptions = {}): Contradiction[] {
  assertGraph(WHO, graph);
  const statuses = new Set(options.statuses ?? CONTRADICTION_DEFAULTS.statuses);
  const types = new Set(options.types ?? CONTRADICTION_DEFAULTS.types);
  const minDistinct = options.minDistinct ?? CONTRADICTION_DEFAULTS.minDistinct;
  if (!Number.isInteger(minDistinct) || minDistinct < 2) throw new AnalysisInputError(WHO, `minDistinct must be an integer of at least 2 (got ${minDistinct})`);
  for (const s of statuses) if (!(CLAIM_STATUSES as readonly string[]).includes(s)) throw new AnalysisInputError(WHO, `unknown claim status "${s}" (known: ${CLAIM_STATUSES.join(', ')})`);

  const found: Contradiction[] = [];
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (types.size && !types.has(attributes.type)) return;
    const byUnit = new Map<string, Claim[]>();
    for (const claim of attributes.claims ?? []) {
      if (typeof claim.quantity !== 'number' || !Number.isFinite(claim.quantity) || !claim.unit || !statuses.has(claim.status)) continue;
      const unit = claim.unit.trim().toLowerCase();
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), claim]);
    }
    for (const [unit, claims] of byUnit) {
      const quantities = [...new Set(claims.map((c) => c.quantity as number))].sort((a, b) => a - b);
      if (quantities.length < minDistinct) continue;
      found.push({
        edge,
        type: attributes.type,
        source,
        target,
        sourceLabel: label(graph, source),
        targetLabel: label(graph, target),
        undirected,
        unit,
        quantities,
        claims: claims
          .map((c) => ({
            quantity: c.quantity as number,
            unit: c.unit as string,
            ...(c.attributedTo ? { attributedTo: c.attributedTo } : {}),
            ...(c.date ? { date: c.date } : {}),
            status: c.status,
            doc: c.doc,
            sentence: c.sentence,
            quote: c.quote,
          }))
          .sort((a, b) => a.quantity - b.quantity || (a.date ?? UNDATED).localeCompare(b.date ?? UNDATED) || a.doc.localeCompare(b.doc)),
      });
    }
  });
  return found.sort(
    (a, b) => a.type.localeCompare(b.type) || a.sourceLabel.localeCompare(b.sourceLabel) || a.targetLabel.localeCompare(b.targetLabel) || a.unit.localeCompare(b.unit),
  );
}
