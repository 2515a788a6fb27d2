/**
 * Apportionment: turn weights into whole seats (increments) that sum exactly to a given number.
 *
 * Tie-break (both methods, pinned in tests): when two units have equal claims (equal remainders
 * under largest remainder, equal divisor priorities under Webster), the unit with the larger
 * weight wins; if the weights are equal too, the unit whose id sorts first by UTF-16 code units
 * wins. Because the rule depends only on weights and ids, reordering the input changes nothing.
 *
 * Largest remainder compares remainders exactly when every weight is a safe integer (caseloads,
 * prior actuals), so two remainders that are equal in arithmetic are equal here and the
 * documented tie-break decides, not floating-point noise.
 */

import { largestRemainderSeats } from "./remainders";

/** Units to apportion, already in canonical (id) order. Weights are >= 0 and sum to more than 0. */
export interface ApportionInput {
  ids: readonly string[];
  weights: readonly number[];
  seats: number;
}

/** Who wins an equal claim: larger weight, then smaller id. Negative means `a` wins. */
function tieBreak(ids: readonly string[], weights: readonly number[], a: number, b: number): number {
  if (weights[a] !== weights[b]) return weights[b] - weights[a];
  return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Hamilton's method: floors of the exact quotas, leftovers to the largest remainders.
 * Example: `largestRemainder({ ids: ["a","b","c"], weights: [10,6,4], seats: 3 })` gives [1,1,1].
 */
export function largestRemainder(input: ApportionInput): number[] {
  const { ids, weights } = input;
  return Array.from(largestRemainderSeats(weights, input.seats, (k) => ids[k]));
}

/**
 * Webster / Sainte-Lague: find a divisor so that the quotas rounded at one half sum to the seats.
 *
 * Why offer it: largest remainder suffers the Alabama paradox. With weights
 * [21878, 9713, 4167, 3252, 1065], 43 seats give the fourth unit 4 but 44 seats give it 3:
 * raising the total lowers a unit's target, which looks arbitrary when a total is revised
 * mid-year. Divisor methods such as Webster are house-monotone (a larger total never lowers
 * anyone) but may leave a unit more than one seat from its quota (Balinski-Young: no method
 * is both). Example: the weights above at 44 seats give [24, 10, 5, 4, 1].
 */
export function webster(input: ApportionInput): number[] {
  const { ids, weights, seats } = input;
  const n = weights.length;
  const totalWeight = sumOf(weights);
  const result = weights.map((w) => Math.floor((seats * w) / totalWeight + 0.5));
  let diff = seats - sumOf(result);
  if (diff === 0) return result;
  const adding = diff > 0;
  // Priority of a unit's next change: the divisor at which it gains (or loses) a seat.
  const priority = (i: number): number =>
    adding ? weights[i] / (result[i] + 0.5) : result[i] > 0 ? weights[i] / (result[i] - 0.5) : Infinity;
  // Adding: the largest priority first. Removing: the smallest first.
  const before = (a: number, b: number): boolean => {
    const pa = priority(a);
    const pb = priority(b);
    if (pa !== pb) return adding ? pa > pb : pa < pb;
    // Adding, the stronger claim gains first; removing, the weaker claim loses first.
    return adding ? tieBreak(ids, weights, a, b) < 0 : tieBreak(ids, weights, a, b) > 0;
  };
  const heap = new BinaryHeap(before);
  for (let i = 0; i < n; i++) heap.push(i);
  while (diff !== 0) {
    const i = heap.pop();
    result[i] += adding ? 1 : -1;
    diff += adding ? -1 : 1;
    heap.push(i);
  }
  return result;
}

/** A binary heap of unit indices ordered by `before`; enough for Webster's O(n log n) adjustments. */
class BinaryHeap {
  private readonly items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l], items[best])) best = l;
        if (r < items.length && this.before(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}
