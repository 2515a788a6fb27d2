/**
 * The target revision log at a size a large program reaches in years: 20,000 rows over 1,000
 * measure-unit targets (a 5,000-row baseline, then 15,000 revisions). Sealing it, verifying the
 * chain (what `check` and the pane do on every read) and finding the unlogged cells.
 * Aim: verification well under 1 s, so the pane can check on every refresh.
 */
import {
  appendRevisions,
  unloggedChanges,
  verifyChain,
  type CurrentValue,
  type Revision,
} from "../src/engine/revisions";
import { mulberry32, ref, timed } from "./reference";

export const title = "revisions: seal, verify and audit a 20,000-row log";

function build(rows: number): Revision[] {
  const r = mulberry32(7);
  return Array.from({ length: rows }, (_, i): Revision => {
    const unit = `u${i % 1000}`;
    const old = i < 5000 ? null : Math.round(1000 + 500 * r());
    return {
      at: `2026-${String(1 + (i % 12)).padStart(2, "0")}-15T09:00:00Z`,
      who: "R. Delgado",
      source: i < 5000 ? "baseline" : "pane-proration",
      measure: `m${i % 5}`,
      unit,
      period: "2027",
      field: "target",
      oldValue: old,
      newValue: Math.round(1000 + 500 * r()) + r() / 3,
      reason: i < 5000 ? "baseline" : "resources-changed",
      note: i % 7 === 0 ? "Staffing changed after the June reorganisation." : "",
    };
  });
}

export function run(): void {
  const revisions = build(20_000);
  const sealed = timed(() => appendRevisions([], revisions));
  const log = sealed.value;
  const verified = timed(() => verifyChain(log, { rows: log.length, head: log[log.length - 1].hash }));
  if (!verified.value.ok) throw new Error("the bench's log does not verify");
  const last = new Map(log.map((x) => [`${x.measure}|${x.unit}`, x.newValue]));
  const current: CurrentValue[] = [...last.entries()].map(([key, value], i) => {
    const [measure, unit] = key.split("|");
    return {
      measure,
      unit,
      period: "2027",
      field: "target",
      value: i % 100 === 0 ? (value ?? 0) + 1 : value,
    };
  });
  const audited = timed(() => unloggedChanges(log, current));
  console.log(`  seal 20,000 rows:   ${sealed.wallMs.toFixed(0)} ms wall, ${ref(sealed.cpuMs)}`);
  console.log(`  verify the chain:   ${verified.wallMs.toFixed(0)} ms wall, ${ref(verified.cpuMs)}`);
  console.log(
    `  unlogged among ${current.length} targets: ${audited.value.length} found in ${audited.wallMs.toFixed(0)} ms wall, ${ref(audited.cpuMs)}`,
  );
}
