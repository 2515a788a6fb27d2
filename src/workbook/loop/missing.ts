/** The Returns rows of offices with nothing usable back in a collect: missing, or late. */
import type { TablesInput } from "../read";
import type { ReturnsRow } from "../sheets/returns";
import { utcDay } from "./calendar";
import type { CheckedReturn } from "./check";
import type { CollectOptions } from "./collect";
import type { MasterModel } from "./master";
import { unitGroups } from "./split";

/** A row per unit (or group) of the split with nothing usable back: missing, or late after its due date. */
export function missingRows(
  master: MasterModel,
  masterTables: TablesInput,
  checked: CheckedReturn[],
  byUnit: Map<string, CheckedReturn[]>,
  options: CollectOptions,
): ReturnsRow[] {
  const stamps = checked.flatMap((c) => (c.stamp && c.stamp.masterId === master.masterId ? [c.stamp] : []));
  const newest = stamps.reduce<(typeof stamps)[number] | undefined>(
    (m, s) => (!m || s.issuedAt > m.issuedAt ? s : m),
    undefined,
  );
  const by = newest?.groupedBy ?? "unit";
  let groups: string[];
  try {
    groups = [
      ...unitGroups(
        masterTables,
        master.input.units.map((u) => u.id),
        by,
      ).keys(),
    ];
  } catch {
    groups = master.input.units.map((u) => u.id);
  }
  // Answered: a file back in this collect, or a return an earlier collect merged or received for
  // the same issue (its row is carried forward; listing the unit as missing too contradicted it).
  const answered = new Set([...byUnit.keys()]);
  const earlier = options.previous ?? [];
  const latestIssue = newest?.issuedAt ?? earlier.reduce((m, p) => (p.issued > m ? p.issued : m), "");
  for (const p of earlier)
    if ((p.status === "merged" || p.status === "received") && p.issued >= latestIssue) answered.add(p.unit);
  const previous = new Map((options.previous ?? []).filter((p) => p.due).map((p) => [p.unit, p]));
  return groups
    .filter((g) => !answered.has(g))
    .map((unit) => {
      const issued = newest?.issuedAt ?? previous.get(unit)?.issued ?? "";
      const due = newest?.due ?? previous.get(unit)?.due ?? "";
      const late = due !== "" && (options.dayOf ?? utcDay)(options.now) > due;
      return {
        unit,
        issued,
        due,
        file: "",
        received: "",
        status: late ? "late" : "missing",
        reason: late ? `nothing usable back by ${due}` : "nothing usable back yet",
        cellsMerged: 0,
        conflicts: 0,
        findings: "",
      } satisfies ReturnsRow;
    });
}
