/**
 * Sigma's node and edge programs, drawn without WebGL instancing.
 *
 * Why: sigma v3 draws every node and edge as one instance of a small mesh
 * (drawArraysInstanced). On a GPU that is the fast path, but software WebGL
 * (SwiftShader, which Chromium uses with --disable-gpu, in CI and in the
 * tests) runs each instance as its own little draw: measured here, 100 000
 * instanced quads took ~1 s per frame against ~0.14 s for the same quads as
 * one plain triangle list. `withoutInstancing` turns an instanced program
 * into a plain one with the same shaders: the per-mesh-vertex constants
 * (CONSTANT_ATTRIBUTES) become ordinary attributes, written beside the
 * item's own attributes for each of its vertices. The picture is identical;
 * the buffer is VERTICES times larger, which a GPU does not notice.
 */
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeLineProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
} from 'sigma/rendering';
import type { EdgeProgramType, NodeProgramType } from 'sigma/rendering';
import { getAttributesItemsCount } from 'sigma/rendering';

/** The part of sigma's Program this module relies on (protected members included). */
interface ProgramInternals {
  array: Float32Array;
  getDefinition(): {
    VERTICES: number;
    ATTRIBUTES: Array<{ name: string; size: number; type: number; normalized?: boolean }>;
    CONSTANT_ATTRIBUTES?: Array<{ name: string; size: number; type: number; normalized?: boolean }>;
    CONSTANT_DATA?: number[][];
  };
  processVisibleItem(index: number, startIndex: number, ...rest: unknown[]): void;
}

type AnyProgramClass = new (...args: never[]) => object;

/**
 * The same program, drawn with drawArrays over VERTICES vertices per item.
 * Returns the class unchanged when it is not instanced.
 */
export function withoutInstancing<P extends AnyProgramClass>(ProgramClass: P): P {
  const probe = ProgramClass.prototype as ProgramInternals;
  const instanced = probe.getDefinition.call(probe);
  if (!instanced.CONSTANT_ATTRIBUTES || !instanced.CONSTANT_DATA) return ProgramClass;
  const itemAttributes = instanced.ATTRIBUTES;
  const itemCount = getAttributesItemsCount(itemAttributes);
  const constantData = instanced.CONSTANT_DATA;
  const vertices = instanced.VERTICES;
  // One item's own attributes, written by the original processVisibleItem, then copied per vertex.
  const scratch = new Float32Array(itemCount);

  const Base = ProgramClass as unknown as new (...args: unknown[]) => ProgramInternals;
  class PlainProgram extends Base {
    override getDefinition(): ReturnType<ProgramInternals['getDefinition']> {
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _constants, ...definition } = super.getDefinition();
      return { ...definition, ATTRIBUTES: [...definition.ATTRIBUTES, ...(CONSTANT_ATTRIBUTES ?? [])] };
    }

    override processVisibleItem(index: number, startIndex: number, ...rest: unknown[]): void {
      const target = this.array;
      this.array = scratch;
      try {
        super.processVisibleItem(index, 0, ...rest);
      } finally {
        this.array = target;
      }
      let offset = startIndex;
      for (let vertex = 0; vertex < vertices; vertex++) {
        target.set(scratch, offset);
        offset += itemCount;
        const constants = constantData[vertex];
        for (let i = 0; i < constants.length; i++) target[offset++] = constants[i];
      }
    }
  }
  Object.defineProperty(PlainProgram, 'name', { value: `Plain${ProgramClass.name || 'Program'}` });
  return PlainProgram as unknown as P;
}

/** Node programs for sigma's `nodeProgramClasses` (sigma's circle, drawn plainly). */
export const PLAIN_NODE_PROGRAMS: Record<string, NodeProgramType> = {
  circle: withoutInstancing(NodeCircleProgram),
};

/**
 * Edge programs for sigma's `edgeProgramClasses`: arrows (clamped body +
 * head), lines with a thickness, and `thin`: one-pixel GL lines, two vertices
 * an edge, for the mass of edges of a big graph (software WebGL fills a
 * 50 000-edge frame of those several times faster than one of arrows).
 */
export const PLAIN_EDGE_PROGRAMS: Record<EdgeProgramName, EdgeProgramType> = {
  arrow: createEdgeCompoundProgram([withoutInstancing(createEdgeClampedProgram()), withoutInstancing(createEdgeArrowHeadProgram())]),
  line: withoutInstancing(EdgeRectangleProgram),
  thin: EdgeLineProgram,
};

export type EdgeProgramName = 'arrow' | 'line' | 'thin';
