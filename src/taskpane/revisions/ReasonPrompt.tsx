/**
 * Asked once per batch when the pane finds targets people typed without logging them: which
 * cells changed (old and new value, the cell), one reason for all of them from the short list,
 * an optional note. Skipping logs them as "no reason given"; nothing is lost either way.
 */
import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { RevisionReason } from "../../engine/revisions/types";
import { REASON_LABELS, type TypedChange } from "./port";

/** The reasons a person may pick (baseline and "no reason given" are the log's own). */
export const PICKABLE_REASONS: readonly RevisionReason[] = [
  "correction",
  "resources-changed",
  "policy-changed",
  "other",
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "30vh", overflowY: "auto" },
  cell: { fontVariantNumeric: "tabular-nums" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const shown = (v: number | null | undefined): string =>
  v === null || v === undefined ? "blank" : v.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** One line per typed change: "Allegany, Cases closed, 2027 target: 37 -> 12,345 (Milestones & Actuals!D127)". */
export function changeLine(c: TypedChange): string {
  const from = c.loggedValue === undefined ? "never logged" : shown(c.loggedValue);
  const where = c.address ? ` (${c.address})` : "";
  return `${c.unitName}, ${c.measureName}, ${c.period} ${c.field}: ${from} -> ${shown(c.value)}${where}`;
}

export interface ReasonPromptProps {
  changes: readonly TypedChange[];
  busy?: boolean;
  onLog: (reason: RevisionReason, note: string) => void;
  onSkip: () => void;
}

export function ReasonPrompt({ changes, busy, onLog, onSkip }: ReasonPromptProps): React.JSX.Element {
  const styles = useStyles();
  const [reason, setReason] = React.useState<RevisionReason>();
  const [note, setNote] = React.useState("");
  return (
    <section className={styles.root} aria-label="Targets changed without a logged reason">
      <p>
        {changes.length === 1 ? "A target was" : `${changes.length} targets were`} changed in the workbook
        without being logged. Why?
      </p>
      <ul className={styles.list} aria-label="Changed cells">
        {changes.map((c) => (
          <li key={`${c.address}|${c.field}|${c.period}`} className={styles.cell}>
            {changeLine(c)}
          </li>
        ))}
      </ul>
      <Field label="Reason (one for all of them)">
        <RadioGroup value={reason ?? ""} onChange={(_, data) => setReason(data.value as RevisionReason)}>
          {PICKABLE_REASONS.map((r) => (
            <Radio key={r} value={r} label={REASON_LABELS[r]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Note (optional)">
        <Input value={note} onChange={(_, data) => setNote(data.value)} maxLength={500} />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || reason === undefined}
          onClick={() => reason && onLog(reason, note)}
        >
          Log with this reason
        </Button>
        <Button disabled={busy} onClick={onSkip}>
          Skip (log as no reason given)
        </Button>
      </div>
    </section>
  );
}
