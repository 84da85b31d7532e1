// Small statistics for the bench: medians and percentiles (nearest rank) of samples.

const sorted = (xs) => [...xs].sort((a, b) => a - b);

/** The p-th percentile (0..100) by nearest rank; the median is p = 50. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  if (p === 50) {
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (xs) => percentile(xs, 50);

/** Median, p10, p90, min, max and count of a list of numbers. */
export function summary(xs) {
  return {
    n: xs.length,
    median: median(xs),
    p10: percentile(xs, 10),
    p90: percentile(xs, 90),
    min: Math.min(...xs),
    max: Math.max(...xs),
  };
}
