/**
 * Columns and rows for `n` tiles in an area of the given width/height ratio: the layout whose
 * tiles come closest to the shape the tile's content wants (a little wider than tall).
 */
export function gridFor(n: number, areaAspect: number, tileAspect = 1.1): { cols: number; rows: number } {
  if (n <= 0) return { cols: 1, rows: 1 };
  let best = { cols: n, rows: 1 };
  let bestScore = Number.POSITIVE_INFINITY;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    if ((rows - 1) * cols >= n) continue; // an empty row
    const aspect = (areaAspect * rows) / cols;
    // compare shapes on a log scale, so 2× too wide is as bad as 2× too tall
    const score = Math.abs(Math.log(aspect / tileAspect)) + 0.02 * (rows * cols - n);
    if (score < bestScore) {
      bestScore = score;
      best = { cols, rows };
    }
  }
  return best;
}
