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
import { formatCents, formatMeasure, formatPct } from "../format";
import { useTabStyles } from "./styles";

/** Number columns of a 320-px table stay narrow so the unit's name gets the room. */
const NUMBER_COLUMN: React.CSSProperties = { width: "84px" };
const SHARE_COLUMN: React.CSSProperties = { width: "60px" };
/** With a budget, the target column narrows and money takes the share's place (the share moves into the row's details). */
const TARGET_COLUMN_NARROW: React.CSSProperties = { width: "56px" };
const MONEY_COLUMN: React.CSSProperties = { width: "78px" };
const PER_RESULT_COLUMN: React.CSSProperties = { width: "64px" };
const fte = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * The preview: one line per unit (name, target, share); each unit's reason behind its own expander.
 * With a budget split, still one line per unit: name, target, budget and planned cost per result;
 * the share, staff and the budget's reason sit behind the same expander.
 */
export function PreviewTable({ preview }: { preview: ProratePreview }): React.JSX.Element {
  const styles = useTabStyles();
  const money = preview.budget;
  const columns = money ? 4 : 3;
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
            <TableHeaderCell className={styles.number} style={money ? TARGET_COLUMN_NARROW : NUMBER_COLUMN}>
              Target
            </TableHeaderCell>
            {money ? (
              <>
                <TableHeaderCell className={styles.number} style={MONEY_COLUMN}>
                  Budget
                </TableHeaderCell>
                <TableHeaderCell className={styles.number} style={PER_RESULT_COLUMN}>
                  Per result
                </TableHeaderCell>
              </>
            ) : (
              <TableHeaderCell className={styles.number} style={SHARE_COLUMN}>
                Share
              </TableHeaderCell>
            )}
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
                  {money ? (
                    <>
                      <TableCell className={styles.number}>{formatCents(line.budget?.budgetCents)}</TableCell>
                      <TableCell className={styles.number}>
                        {line.budget?.costPerResultCents === undefined
                          ? "–"
                          : formatCents(line.budget.costPerResultCents, true)}
                      </TableCell>
                    </>
                  ) : (
                    <TableCell className={styles.number}>{formatPct(line.sharePct)}</TableCell>
                  )}
                </TableRow>
                {expanded ? (
                  <TableRow>
                    <TableCell colSpan={columns} className={styles.hint}>
                      {money ? `Share: ${formatPct(line.sharePct)}. ` : ""}Why: {line.reason}
                      {line.budget ? (
                        <>
                          <br />
                          Budget {formatCents(line.budget.budgetCents, true)}
                          {line.budget.fte !== undefined ? `, ${fte.format(line.budget.fte)} FTE` : ""}
                          {line.budget.costPerResultCents === undefined
                            ? ": no target, so no cost per result."
                            : `, ${formatCents(line.budget.costPerResultCents, true)} per result planned.`}{" "}
                          {line.budget.reason}
                        </>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ) : null}
              </React.Fragment>
            );
          })}
        </TableBody>
      </Table>
      <span className={styles.hint}>Program total: {formatMeasure(preview.total, preview)}</span>
      {money ? (
        <span className={styles.hint}>
          Budget {formatCents(money.totalCents, true)} split by {money.followed}
          {money.costPerResultCents !== undefined
            ? `: ${formatCents(money.costPerResultCents, true)} per result for the program`
            : ""}
          {money.fteTotal !== undefined ? `, ${fte.format(money.fteTotal)} FTE` : ""}.
        </span>
      ) : null}
    </>
  );
}
