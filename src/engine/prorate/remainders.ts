/**
 * Largest remainder over typed arrays. Rule (see `rounding.ts`): floors of the exact quotas, then
 * one more seat to each of the `left` strongest claims, strongest meaning the larger remainder,
 * then the larger weight, then the id that sorts first.
 *
 * Why this shape: the strongest claims are found as "every remainder above the threshold, plus
 * the best of those exactly at it". The threshold comes from a quickselect over plain numbers,
 * and only the (usually tiny) group tied at the threshold is ranked by weight and id. Every loop
 * sits in a small function that runs whole on every call, so the optimising compiler sees all
 * of it during the first small splits; a comparator closure with an id branch that 1,000 units
 * never reached was recompiled three times at 10,000 (tens of ms of compile time each).
 */

/**
 * Seats per unit: `floors` of the quotas plus one for each of the `left` strongest claims.
 * Example: `largestRemainderSeats([10, 6, 4], 3, (k) => "abc"[k])` gives [1, 1, 1].
 */
export function largestRemainderSeats(
  weights: ArrayLike<number>,
  seats: number,
  idOf: (k: number) => string,
): Float64Array {
  const n = weights.length;
  const totalWeight = sumOf(weights);
  const floors = new Float64Array(n);
  const remainders = new Float64Array(n);
  const exact = isExact(weights, seats, totalWeight);
  const floorSum = exact
    ? splitExactly(weights, seats, totalWeight, floors, remainders)
    : splitByQuota(weights, seats, totalWeight, floors, remainders);
  const left = seats - floorSum;
  if (left <= 0) return floors;
  const count = Math.min(left, n);
  if (hasNaN(remainders)) {
    // Not reachable with valid weights; kept so any input ranks exactly as the comparator says.
    const order = identity(n);
    selectStrongest(order, count, (a, b) => remainders[b] - remainders[a] || tieBreak(weights, idOf, a, b));
    for (let k = 0; k < count; k++) floors[order[k]] += 1;
    return floors;
  }
  const threshold = kthLargest(remainders.slice(), count);
  const above = addAbove(floors, remainders, threshold);
  const tied = indicesAt(remainders, threshold);
  const need = count - above;
  if (need < tied.length) selectStrongest(tied, need, (a, b) => tieBreak(weights, idOf, a, b));
  for (let k = 0; k < need; k++) floors[tied[k]] += 1;
  return floors;
}

function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/**
 * Whether remainders can be computed exactly in integers: every weight a safe integer, and the
 * largest product and the total too. Then equal remainders are equal in arithmetic, not by luck.
 */
function isExact(weights: ArrayLike<number>, seats: number, totalWeight: number): boolean {
  let maxWeight = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isSafeInteger(w)) return false;
    if (w > maxWeight) maxWeight = w;
  }
  return Number.isSafeInteger(seats * maxWeight) && Number.isSafeInteger(totalWeight);
}

/** Floors and remainders in integers (remainder in units of 1/totalWeight of a seat); returns the floors' sum. */
function splitExactly(
  weights: ArrayLike<number>,
  seats: number,
  totalWeight: number,
  floors: Float64Array,
  remainders: Float64Array,
): number {
  let floorSum = 0;
  for (let i = 0; i < weights.length; i++) {
    const scaled = seats * weights[i];
    const rem = scaled % totalWeight;
    const floor = (scaled - rem) / totalWeight;
    floors[i] = floor;
    remainders[i] = rem;
    floorSum += floor;
  }
  return floorSum;
}

/** Floors and fractional remainders of the quotas; returns the floors' sum. */
function splitByQuota(
  weights: ArrayLike<number>,
  seats: number,
  totalWeight: number,
  floors: Float64Array,
  remainders: Float64Array,
): number {
  let floorSum = 0;
  for (let i = 0; i < weights.length; i++) {
    const quota = (seats * weights[i]) / totalWeight;
    const floor = Math.floor(quota);
    floors[i] = floor;
    remainders[i] = quota - floor;
    floorSum += floor;
  }
  return floorSum;
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** One more seat to every unit whose remainder is above `threshold`; returns how many. */
function addAbove(floors: Float64Array, remainders: Float64Array, threshold: number): number {
  let above = 0;
  for (let i = 0; i < remainders.length; i++) {
    if (remainders[i] > threshold) {
      floors[i] += 1;
      above++;
    }
  }
  return above;
}

/** Positions whose remainder equals `threshold`, in order. */
function indicesAt(remainders: Float64Array, threshold: number): Int32Array {
  let count = 0;
  for (let i = 0; i < remainders.length; i++) if (remainders[i] === threshold) count++;
  const tied = new Int32Array(count);
  for (let i = 0, t = 0; i < remainders.length; i++) if (remainders[i] === threshold) tied[t++] = i;
  return tied;
}

/**
 * The `k`-th largest value (1-based) of `values`, which it reorders. Quickselect on plain numbers:
 * linear on average; after too many rounds it sorts what is left (natively), so the worst case
 * stays O(n log n). Example: `kthLargest(Float64Array.of(3, 9, 5), 2) === 5`.
 */
function kthLargest(values: Float64Array, k: number): number {
  // The k-th largest is the (n - k)-th smallest, 0-based.
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 4;
  while (lo < hi) {
    if (--rounds < 0) {
      values.subarray(lo, hi + 1).sort();
      return values[target];
    }
    const pivot = median(values[lo], values[(lo + hi) >> 1], values[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target];
  }
  return values[target];
}

function median(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/** Who wins an equal remainder: the larger weight, then the id that sorts first. Negative means `a`. */
function tieBreak(weights: ArrayLike<number>, idOf: (k: number) => string, a: number, b: number): number {
  if (weights[a] !== weights[b]) return weights[b] - weights[a];
  const idA = idOf(a);
  const idB = idOf(b);
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * Move the `count` strongest entries (by `compare`, a total order) to the front of `order`, in no
 * particular order. Quickselect: linear on average; after too many rounds it sorts the rest,
 * so the worst case stays O(n log n). The chosen set depends only on `compare`, never on pivots.
 */
function selectStrongest(order: Int32Array, count: number, compare: (a: number, b: number) => number): void {
  let lo = 0;
  let hi = order.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(order.length + 1)) + 4;
  while (lo < hi) {
    if (--rounds < 0) {
      const sorted = order.slice(lo, hi + 1).sort(compare);
      for (let i = 0; i < sorted.length; i++) order[lo + i] = sorted[i];
      return;
    }
    const pivot = medianOfThree(order[lo], order[(lo + hi) >> 1], order[hi], compare);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (compare(order[i], pivot) < 0) i++;
      while (compare(order[j], pivot) > 0) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    // Now order[lo..j] <= pivot <= order[i..hi]; keep narrowing toward the boundary at `count`.
    if (count - 1 <= j) hi = j;
    else if (count - 1 >= i) lo = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number, compare: (x: number, y: number) => number): number {
  if (compare(a, b) < 0) return compare(b, c) < 0 ? b : compare(a, c) < 0 ? c : a;
  return compare(a, c) < 0 ? a : compare(b, c) < 0 ? c : b;
}
