/** Static pictures for reports: SVG by hand (svg.ts), PNG by rasterising that SVG with resvg. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type Graph from 'graphology';
import { Resvg } from '@resvg/resvg-js';
import { renderSvg, SvgOptions } from './svg';

/** Where Debian puts the fonts resvg can draw labels with. */
export const SYSTEM_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype', '/usr/share/fonts'];

/** The first system font folder that holds a TrueType font, or null. */
export function findFontDir(dirs: readonly string[] = SYSTEM_FONT_DIRS): string | null {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    try {
      if (readdirSync(dir, { recursive: true }).some((name) => /\.(ttf|otf)$/i.test(String(name)))) return dir;
    } catch {
      /* unreadable folder: try the next */
    }
  }
  return null;
}

export interface PngOptions extends SvgOptions {
  /** Folders of fonts for the labels. Default: the system's (SYSTEM_FONT_DIRS). */
  fontDirs?: string[];
}

/** Error when no font can be found: labels would silently vanish from the picture. */
export class NoFontError extends Error {
  constructor() {
    super(`newsgraph renderPng: no TrueType font found in ${SYSTEM_FONT_DIRS.join(', ')}; install fonts-dejavu-core (apt-get install -y fonts-dejavu-core)`);
    this.name = 'NoFontError';
  }
}

/** The graph as a PNG image (bytes). Throws NoFontError when no font is installed. */
export function renderPng(graph: Graph, options: PngOptions = {}): Buffer {
  const fontDir = findFontDir(options.fontDirs ?? SYSTEM_FONT_DIRS);
  if (!fontDir) throw new NoFontError();
  const svg = renderSvg(graph, options);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontDirs: [path.resolve(fontDir)], defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
