import * as React from "react";
import {
  Button,
  makeStyles,
  mergeClasses,
  tokens,
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
const TARGET_COLUMN_NARROW: React.CSSProperties = { width: "40px" };
const MONEY_COLUMN: React.CSSProperties = { width: "46px" };
const PER_RESULT_COLUMN: React.CSSProperties = { width: "46px" };

/** A unit's budget in the table: three figures ("$1.28M", "$604K"); the exact amount is in its details. */
const compact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumSignificantDigits: 3,
});

/** With four columns a long name wraps inside its own cell instead of running under the numbers. */
const useWrapStyles = makeStyles({
  wrap: { whiteSpace: "normal", overflowWrap: "break-word", minWidth: 0, textAlign: "left" },
  // Number cells keep a small inner gap, so the name column keeps about half the pane.
  tight: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

/** Cost per result: to the cent under $100 ("$6.37"), whole dollars above ("$2,708"), to stay narrow. */
const perResult = (cents: number | undefined): string =>
  cents === undefined ? "–" : formatCents(cents, cents < 10_000);
const fte = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * The preview: one line per unit (name, target, share); each unit's reason behind its own expander.
 * With a budget split, still one line per unit: name, target, budget and planned cost per result;
 * the share, staff and the budget's reason sit behind the same expander.
 */
export function PreviewTable({ preview }: { preview: ProratePreview }): React.JSX.Element {
  const styles = useTabStyles();
  const wrap = useWrapStyles();
  const money = preview.budget;
  const columns = money ? 4 : 3;
  const num = money ? mergeClasses(styles.number, wrap.tight) : styles.number;
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
      <Table
        size="extra-small"
        aria-label="Each unit's share"
        // Four columns at 320 px: fixed widths for the numbers, the rest for the unit's name.
        style={money ? { tableLayout: "fixed" } : undefined}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Unit</TableHeaderCell>
            <TableHeaderCell className={num} style={money ? TARGET_COLUMN_NARROW : NUMBER_COLUMN}>
              Target
            </TableHeaderCell>
            {money ? (
              <>
                <TableHeaderCell className={num} style={MONEY_COLUMN}>
                  Budget
                </TableHeaderCell>
                <TableHeaderCell className={num} style={PER_RESULT_COLUMN}>
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
                      className={money ? mergeClasses(styles.rowToggle, wrap.wrap) : styles.rowToggle}
                    >
                      {line.unitName}
                      {line.locked ? " (locked)" : ""}
                    </Button>
                  </TableCell>
                  <TableCell className={num}>
                    {/* With money beside it, the target is the bare number: the measure's label is in the total below. */}
                    {formatMeasure(line.value, money ? { kind: preview.kind } : preview)}
                  </TableCell>
                  {money ? (
                    <>
                      <TableCell className={num}>
                        {line.budget ? compact.format(line.budget.budgetCents / 100) : "–"}
                      </TableCell>
                      <TableCell className={num}>{perResult(line.budget?.costPerResultCents)}</TableCell>
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
