// Positions in a built bundle traced back to the client's sources through the build's source map
// (version 3, as Vite writes it), so a CPU profile of the minified page names files and lines.

export interface SourceMapV3 {
  version: number;
  sources: string[];
  names?: string[];
  mappings: string;
}

export interface OriginalPosition {
  source: string;
  /** 0-based, as in the map and in a CPU profile's call frames */
  line: number;
  column: number;
  name: string | null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One segment's fields, each a base-64 VLQ (relative to the previous segment's, as the format has it). */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`source map: '${c}' is not a base-64 digit`);
    value += (d & 31) * 2 ** shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    out.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return out;
}

/** [generated column, source, line, column, name] per segment; -1 where a segment has none. */
type Segment = [number, number, number, number, number];

export class SourceMapLookup {
  private readonly lines: Segment[][] = [];

  constructor(private readonly map: SourceMapV3) {
    if (map.version !== 3) throw new Error(`source map: version ${map.version} is not supported`);
    let source = 0;
    let line = 0;
    let column = 0;
    let name = 0;
    for (const text of map.mappings.split(';')) {
      const segments: Segment[] = [];
      let generated = 0;
      for (const s of text.split(',')) {
        if (!s) continue;
        const f = decodeVlq(s);
        generated += f[0]!;
        if (f.length < 4) {
          segments.push([generated, -1, -1, -1, -1]);
          continue;
        }
        source += f[1]!;
        line += f[2]!;
        column += f[3]!;
        if (f.length >= 5) name += f[4]!;
        segments.push([generated, source, line, column, f.length >= 5 ? name : -1]);
      }
      // segments of a line are in column order in Vite's maps; sorted anyway for the binary search
      segments.sort((a, b) => a[0] - b[0]);
      this.lines.push(segments);
    }
  }

  /** The original position of a generated one (0-based): the closest segment at or before it. */
  lookup(line: number, column: number): OriginalPosition | null {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return null;
    let lo = 0;
    let hi = segments.length - 1;
    if (segments[0]![0] > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]![0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const [, src, srcLine, srcColumn, name] = segments[lo]!;
    if (src < 0) return null;
    return {
      source: this.map.sources[src] ?? '?',
      line: srcLine,
      column: srcColumn,
      name: name >= 0 ? (this.map.names?.[name] ?? null) : null,
    };
  }
}
