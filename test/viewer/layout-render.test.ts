/** Pins the Node-side layout (seeded, deterministic) and the static SVG/PNG pictures (escaped labels, drawn pixels). */
import { inflateSync } from 'node:zlib';
import Graph from 'graphology';
import { assignLayout, BARNES_HUT_THETA, computeLayout, layoutSettings, MIN_GRAVITY, NOVERLAP_MIN_GRID_SIZE, noverlapGridSize } from '../../src/viewer/layout';
import { generateBenchGraph } from '../../src/viewer/bench';
import { seededRandom } from '../../src/viewer/positions';
import { escapeXml, renderSvg } from '../../src/viewer/svg';
import { findFontDir, renderPng } from '../../src/viewer/render';
import { makeTestGraph } from './fixture';

describe('layoutSettings', () => {
  it('keeps exact forces on small graphs and turns Barnes-Hut on, coarser, on big ones', () => {
    const small = layoutSettings(makeTestGraph());
    expect(small.barnesHutOptimize).toBe(false);
    expect(small.barnesHutTheta).toBeUndefined();
    expect(small.gravity).toBeGreaterThanOrEqual(MIN_GRAVITY);
    const big = layoutSettings(generateBenchGraph({ nodes: 2500, edges: 3000 }));
    expect(big.barnesHutOptimize).toBe(true);
    expect(big.barnesHutTheta).toBe(BARNES_HUT_THETA);
    expect(big.gravity).toBeGreaterThanOrEqual(MIN_GRAVITY);
  });

  it('still separates what is linked from what is not on a Barnes-Hut-sized graph', () => {
    // Two dense clusters joined by one edge: after the layout, a node lies nearer its own cluster's centre.
    const graph = new Graph({ type: 'undirected' });
    const clusterSize = 1100;
    for (let i = 0; i < 2 * clusterSize; i++) graph.addNode(`v${i}`);
    const random = seededRandom(3);
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < clusterSize; i++) {
        for (let k = 0; k < 4; k++) graph.mergeEdge(`v${c * clusterSize + i}`, `v${c * clusterSize + Math.floor(random() * clusterSize)}`);
      }
    }
    graph.addEdge('v0', `v${clusterSize}`);
    expect(layoutSettings(graph).barnesHutOptimize).toBe(true);
    const positions = computeLayout(graph, { iterations: 60, noverlapIterations: 0 });
    const centre = (c: number) => {
      let x = 0;
      let y = 0;
      for (let i = 0; i < clusterSize; i++) {
        const p = positions.get(`v${c * clusterSize + i}`)!;
        x += p.x / clusterSize;
        y += p.y / clusterSize;
      }
      return { x, y };
    };
    const [a, b] = [centre(0), centre(1)];
    let nearerOwn = 0;
    for (let i = 0; i < 2 * clusterSize; i++) {
      const p = positions.get(`v${i}`)!;
      const own = i < clusterSize ? a : b;
      const other = i < clusterSize ? b : a;
      if (Math.hypot(p.x - own.x, p.y - own.y) < Math.hypot(p.x - other.x, p.y - other.y)) nearerOwn++;
    }
    expect(nearerOwn / (2 * clusterSize)).toBeGreaterThan(0.95);
  });
});

describe('noverlapGridSize', () => {
  it('keeps the default grid for small graphs and grows it with the square root of the order', () => {
    expect(noverlapGridSize(0)).toBe(NOVERLAP_MIN_GRID_SIZE);
    expect(noverlapGridSize(12)).toBe(NOVERLAP_MIN_GRID_SIZE);
    expect(noverlapGridSize(10_000)).toBe(100);
    expect(noverlapGridSize(40_000)).toBe(2 * noverlapGridSize(10_000));
  });
});

describe('computeLayout', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const graph = makeTestGraph();
    const a = computeLayout(graph, { iterations: 50, seed: 7 });
    const b = computeLayout(graph, { iterations: 50, seed: 7 });
    const c = computeLayout(graph, { iterations: 50, seed: 8 });
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
    expect(a.size).toBe(graph.order);
    for (const { x, y } of a.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('pulls linked nodes closer than unlinked ones', () => {
    const graph = makeTestGraph();
    const positions = computeLayout(graph, { iterations: 300, seed: 1 });
    const distance = (u: string, v: string) => Math.hypot(positions.get(u)!.x - positions.get(v)!.x, positions.get(u)!.y - positions.get(v)!.y);
    // Hwasong-20 hangs on Corée du Nord only; NIS on Corée du Sud only.
    expect(distance('hw20', 'kp')).toBeLessThan(distance('hw20', 'nis'));
  });

  it('does not touch the graph; assignLayout writes x and y', () => {
    const graph = makeTestGraph();
    computeLayout(graph, { iterations: 10 });
    expect(graph.getNodeAttribute('kp', 'x')).toBeUndefined();
    assignLayout(graph, { iterations: 10 });
    expect(typeof graph.getNodeAttribute('kp', 'x')).toBe('number');
    expect(computeLayout(new Graph()).size).toBe(0);
    expect(() => computeLayout(graph, { iterations: -1 })).toThrow(/computeLayout: iterations/);
  });
});

describe('renderSvg', () => {
  it('escapes labels and titles', () => {
    expect(escapeXml(`<a & "b" 'c'>\u0001`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
    const graph = makeTestGraph();
    graph.setNodeAttribute('kp', 'label', 'Corée <script>alert(1)</script> & co');
    const svg = renderSvg(graph, { title: 'T <b>', labelledNodes: 100 });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('Corée &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(svg).toContain('T &lt;b&gt;');
  });

  it('draws one circle per node, one line per edge, labels for the biggest nodes and a legend', () => {
    const graph = makeTestGraph();
    assignLayout(graph, { iterations: 20 });
    const svg = renderSvg(graph, { labelledNodes: 2, width: 800 });
    const legendCircles = 6;
    expect(svg.match(/<circle /g)).toHaveLength(graph.order + legendCircles);
    expect(svg.match(/<line /g)).toHaveLength(graph.size);
    expect(svg).toContain('>Corée du Nord</text>'); // the biggest node
    expect(svg).not.toContain('>NIS</text>'); // a small one
    expect(svg).toContain('>WeaponSystem</text>');
    expect(svg).toMatch(/^<svg[^>]+width="800"/);
    expect(() => renderSvg(graph, { width: 10 })).toThrow(/renderSvg: width/);
  });
});

/** Counts non-white pixels of an 8-bit RGB(A) non-interlaced PNG (what resvg writes). */
function countInkPixels(png: Buffer): { width: number; height: number; ink: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let offset = 8;
  let width = 0, height = 0, channels = 4;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      expect(body[8]).toBe(8);
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? row[i - channels] : 0;
      const up = previous[i];
      const upLeft = i >= channels ? previous[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      row[i] = (line[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const r = row[x * channels], g = row[x * channels + 1], b = row[x * channels + 2];
      if (r < 240 || g < 240 || b < 240) ink++;
    }
    row.copy(previous);
  }
  return { width, height, ink };
}

describe('renderPng', () => {
  const hasFont = findFontDir() !== null;

  (hasFont ? it : it.skip)('rasterises the picture at the asked width, with ink, and labels add ink', () => {
    const graph = makeTestGraph();
    assignLayout(graph, { iterations: 20 });
    const withLabels = countInkPixels(renderPng(graph, { width: 600, labelledNodes: 12 }));
    const withoutLabels = countInkPixels(renderPng(graph, { width: 600, labelledNodes: 0 }));
    expect(withLabels.width).toBe(600);
    expect(withLabels.ink).toBeGreaterThan(1000);
    // Text is drawn only when resvg found a font.
    expect(withLabels.ink).toBeGreaterThan(withoutLabels.ink + 200);
  });

  it('refuses to draw without fonts rather than dropping the labels', () => {
    expect(() => renderPng(makeTestGraph(), { fontDirs: ['/nonexistent-font-dir'] })).toThrow(/no TrueType font/);
  });
});
