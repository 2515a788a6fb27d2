/**
 * What the engine's lean records share. A lean record (a proration's allocation, a unit's
 * milestones, a check row, a year-end forecast, a long CSV observation) keeps one or two fields
 * and reads every other through a getter over columns its whole result shares, so a result of
 * 720,000 rows costs a few typed arrays, not 720,000 objects of ten boxed numbers. To its readers
 * it is still the plain object it replaced: the same JSON (toJSON), the same console output
 * (INSPECT), and a field assigned sticks (assignableGetters).
 */

/** Node's inspect hook: console.log shows a record's fields, as it showed the plain object. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** Store `value` as the record's own field, shadowing the getter, as a plain object's field would. */
export function ownField(record: object, field: string, value: unknown): void {
  Object.defineProperty(record, field, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Give the getters `fields` of `prototype` a setter: by default an assigned value becomes the
 * record's own field (`ownField`); `store` writes it elsewhere (into the shared columns).
 * Example: `assignableGetters(CheckRecord.prototype, ["status"])`, then `row.status = "x"` sticks.
 */
export function assignableGetters<R extends object, F extends string>(
  prototype: R,
  fields: readonly F[],
  store: (record: R, field: F, value: unknown) => void = ownField,
): void {
  for (const field of fields) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, field);
    if (!descriptor?.get) throw new Error(`${field} is not a getter of this record`);
    Object.defineProperty(prototype, field, {
      get: descriptor.get,
      set(this: R, value: unknown) {
        store(this, field, value);
      },
      configurable: true,
    });
  }
}
