/** graphology-gexf ships no declaration for its environment-neutral writer, which the page bundles alone. */
declare module 'graphology-gexf/common/writer' {
  import type Graph from 'graphology';
  function write(graph: Graph, options?: Record<string, unknown>): string;
  export default write;
}
