/**
 * Records whose `reason` sentence is written when it is read, not when the record is built.
 * Writing 100,000 sentences nobody reads costs more than the allocation itself; reading
 * `record.reason` (or `JSON.stringify(record)`) always gives the sentence.
 */

/** A constructor for plain records of type T with a computed `reason`. Example: `new (withReason(explain))({ id: "North" }).reason`. */
export function withReason<T extends object>(
  explain: (record: T) => string,
): new (fields: T) => T & { readonly reason: string } {
  class Reasoned {
    constructor(fields: T) {
      Object.assign(this, fields);
    }

    get reason(): string {
      return explain(this as unknown as T);
    }

    toJSON(): T & { reason: string } {
      return { ...(this as unknown as T), reason: this.reason };
    }
  }
  return Reasoned as unknown as new (fields: T) => T & { readonly reason: string };
}
