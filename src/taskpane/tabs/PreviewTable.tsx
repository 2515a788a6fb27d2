import * as React from "react";
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { ProratePreview } from "../port";
import { Note } from "../feedback";
import { formatMeasure, formatPct } from "../format";
import { useTabStyles } from "./styles";

/** Number columns of a 320-px table stay narrow so the unit's name gets the room. */
const NUMBER_COLUMN: React.CSSProperties = { width: "84px" };
const SHARE_COLUMN: React.CSSProperties = { width: "60px" };

/** The preview: one line per unit (name, target, share); each unit's reason behind its own expander. */
export function PreviewTable({ preview }: { preview: ProratePreview }): React.JSX.Element {
  const styles = useTabStyles();
  const [open, setOpen] = React.useState<ReadonlySet<string>>(new Set());
  const toggle = (unit: string): void =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(unit)) next.add(unit);
      return next;
    });
  return (
    <>
      {preview.warnings.map((w) => (
        <Note key={w} intent="warning">
          {w}
        </Note>
      ))}
      <Table size="extra-small" aria-label="Each unit's share">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Unit</TableHeaderCell>
            <TableHeaderCell className={styles.number} style={NUMBER_COLUMN}>
              Target
            </TableHeaderCell>
            <TableHeaderCell className={styles.number} style={SHARE_COLUMN}>
              Share
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.lines.map((line) => {
            const expanded = open.has(line.unit);
            return (
              <React.Fragment key={line.unit}>
                <TableRow>
                  <TableCell>
                    <Button
                      appearance="transparent"
                      size="small"
                      icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                      aria-expanded={expanded}
                      onClick={() => toggle(line.unit)}
                      className={styles.rowToggle}
                    >
                      {line.unitName}
                      {line.locked ? " (locked)" : ""}
                    </Button>
                  </TableCell>
                  <TableCell className={styles.number}>{formatMeasure(line.value, preview)}</TableCell>
                  <TableCell className={styles.number}>{formatPct(line.sharePct)}</TableCell>
                </TableRow>
                {expanded ? (
                  <TableRow>
                    <TableCell colSpan={3} className={styles.hint}>
                      Why: {line.reason}
                    </TableCell>
                  </TableRow>
                ) : null}
              </React.Fragment>
            );
          })}
        </TableBody>
      </Table>
      <span className={styles.hint}>Program total: {formatMeasure(preview.total, preview)}</span>
    </>
  );
}
