/**
 * The Share tab's "Returns so far": the Returns sheet in brief, so a manager sees who has sent
 * their copy back and whom to chase without leaving the pane.
 */
import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { ReturnStatus } from "../../workbook/sheets/returns";
import { useTabStyles } from "../tabs/styles";
import type { ReturnsTracker as Tracker } from "./service";

const WORDS: Record<
  ReturnStatus,
  { label: string; color: "success" | "danger" | "informative" | "warning" }
> = {
  merged: { label: "merged", color: "success" },
  received: { label: "back, nothing new", color: "success" },
  rejected: { label: "rejected", color: "danger" },
  superseded: { label: "replaced by a newer copy", color: "informative" },
  missing: { label: "not back yet", color: "warning" },
  late: { label: "late", color: "danger" },
};

export function ReturnsTracker({ tracker }: { tracker: Tracker | undefined }): React.JSX.Element {
  const styles = useTabStyles();
  return (
    <section className={styles.stack} aria-labelledby="share-returns">
      <h2 id="share-returns" className={styles.heading}>
        Returns so far
      </h2>
      {!tracker ? (
        <span className={styles.hint}>
          No returns collected yet. Once offices send their copies back and you collect them below, this shows
          who is merged, late or still to send.
        </span>
      ) : (
        <>
          <div className={styles.row} role="list" aria-label="Returns by status">
            {tracker.counts.map((c) => (
              <Badge key={c.status} role="listitem" appearance="tint" color={WORDS[c.status].color}>
                {`${c.count} ${WORDS[c.status].label}`}
              </Badge>
            ))}
          </div>
          {tracker.waiting.length ? (
            <div>
              <span className={styles.hint}>Still to send:</span>
              <ul className={styles.list} aria-label="Offices still to send">
                {tracker.waiting.map((w) => (
                  <li key={w.unit}>
                    {w.unit}
                    {w.due ? `, due ${w.due}` : ""}
                    {w.late ? " (late)" : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <span className={styles.hint}>Every office has sent its copy back.</span>
          )}
        </>
      )}
    </section>
  );
}
