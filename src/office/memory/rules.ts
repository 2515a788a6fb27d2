/** A range's data validation and conditional formats, recorded on the host as Excel keeps them. */
import { type Box, boxAddress } from "./a1";
import { MemoryExcelError } from "./errors";
import type { HostRecord, HostSheet } from "./host";
import type { MemoryRange, RangeTarget } from "./range";

function recordFor(
  list: HostRecord[],
  t: RangeTarget,
  host: { addressOf(s: HostSheet, b: Box): string },
): HostRecord {
  const address = host.addressOf(t.sheet, t.box);
  let rec = list.find((r) => r.sheet === t.sheet && r.address === address);
  if (!rec) {
    rec = { sheet: t.sheet, address, settings: {} };
    list.push(rec);
  }
  return rec;
}

const RULE_KINDS = ["list", "decimal", "wholeNumber", "date", "time", "textLength", "custom"];

export class MemoryDataValidation {
  constructor(private readonly range: MemoryRange) {}

  private set(key: string, v: unknown, check?: () => void): void {
    this.range.enqueue(
      { dataValidation: key, v },
      () => {
        check?.();
        const host = this.range.context.host;
        recordFor(host.validations, this.range.resolve(), host).settings[key] = v;
      },
      "1.8",
    );
  }

  set rule(rule: Record<string, unknown>) {
    this.set("rule", rule, () => {
      const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined);
      if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) {
        throw new MemoryExcelError(
          "InvalidArgument",
          `A data validation rule needs exactly one of ${RULE_KINDS.join(", ")}.`,
        );
      }
    });
  }
  set errorAlert(v: Record<string, unknown>) {
    this.set("errorAlert", v);
  }
  set prompt(v: Record<string, unknown>) {
    this.set("prompt", v);
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v);
  }
  clear(): void {
    this.range.enqueue({ dataValidation: "clear" }, () => {
      const host = this.range.context.host;
      const t = this.range.resolve();
      const address = host.addressOf(t.sheet, t.box);
      host.validations = host.validations.filter((r) => !(r.sheet === t.sheet && r.address === address));
    });
  }
}

const CF_TYPES: Record<string, string> = {
  Custom: "custom",
  ContainsText: "textComparison",
  DataBar: "dataBar",
  IconSet: "iconSet",
  CellValue: "cellValue",
  ColorScale: "colorScale",
  TopBottom: "topBottom",
  PresetCriteria: "preset",
};

/** Records every property set on a conditional format, e.g. custom.rule.formula. */
function recorder(onSet: (path: string, v: unknown) => void, path = ""): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, prop) =>
        typeof prop === "string" ? recorder(onSet, path ? `${path}.${prop}` : prop) : undefined,
      set: (_t, prop, v) => {
        onSet(path ? `${path}.${String(prop)}` : String(prop), v);
        return true;
      },
    },
  );
}

export class MemoryConditionalFormats {
  constructor(private readonly range: MemoryRange) {}

  add(type: string): Record<string, unknown> {
    const host = this.range.context.host;
    let rec: HostRecord | undefined;
    this.range.enqueue(
      { conditionalFormats: "add", type },
      () => {
        if (!CF_TYPES[type])
          throw new MemoryExcelError("InvalidArgument", `Unknown conditional format type ${type}.`);
        const t = this.range.resolve();
        rec = { sheet: t.sheet, address: boxAddress(t.box), settings: { type } };
        host.conditionalFormats.push(rec);
      },
      "1.6",
    );
    return recorder((path, v) =>
      this.range.enqueue({ conditionalFormat: path, v }, () => {
        if (!rec) throw new MemoryExcelError("InvalidObjectPath", "The conditional format was not created.");
        const formula =
          path.endsWith("rule.formula") || path.endsWith("rule.formula1") ? String(v) : undefined;
        if (formula !== undefined && !host.isValidFormula(formula)) {
          throw new MemoryExcelError("InvalidArgument", `There's a problem with this formula: ${formula}`);
        }
        rec.settings[path] = v;
      }),
    );
  }

  clearAll(): void {
    this.range.enqueue({ conditionalFormats: "clearAll" }, () => {
      const t = this.range.resolve();
      const host = this.range.context.host;
      host.conditionalFormats = host.conditionalFormats.filter((r) => r.sheet !== t.sheet);
    });
  }
}
