/** Scales a median absolute deviation to a standard deviation when the data are normal. */
export const MAD_TO_SD = 1.4826;

/** Median of the first n values; sorts them in place. */
export function medianInPlace(values: Float64Array, n: number): number {
  if (n === 0) return 0;
  const sorted = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median and median absolute deviation of the first n values; `scratch` receives the deviations. */
export function medianAndMad(values: Float64Array, n: number, scratch: Float64Array): { median: number; mad: number } {
  for (let i = 0; i < n; i++) scratch[i] = values[i];
  const median = medianInPlace(scratch, n);
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(values[i] - median);
  return { median, mad: medianInPlace(scratch, n) };
}
