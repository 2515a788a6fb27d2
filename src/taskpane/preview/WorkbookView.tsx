import * as React from "react";
import { Button, Field, Input, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { columnName, parseAddress, type PreviewWorkbook } from "./memoryWorkbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, flexGrow: 1 },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  address: { width: "88px" },
  // Fluent's Input keeps a minimum width of its own: without this it spills under the Value field.
  fill: { minWidth: 0, width: "100%" },
  value: { flexGrow: 1, minWidth: "160px" },
  sheets: { overflowX: "auto" },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "right",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "160px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    cursor: "cell",
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** A plain-browser stand-in for Excel's grid: pick a sheet, select a cell, type a value. */
export function WorkbookView({ workbook }: { workbook: PreviewWorkbook }): React.JSX.Element {
  const styles = useStyles();
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    const unsubscribe = workbook.subscribe(() => setVersion((v) => v + 1));
    return () => {
      unsubscribe();
    };
  }, [workbook]);
  const names = React.useMemo(() => workbook.sheetNames(), [workbook, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const [sheet, setSheet] = React.useState<string>(names[0] ?? "");
  const [address, setAddress] = React.useState("A1");
  const [text, setText] = React.useState("");
  const [problem, setProblem] = React.useState<string>();

  // Follow the port: a jump to a cell or a typed value selects it here.
  const selection = workbook.selection;
  React.useEffect(() => {
    if (!selection) return;
    setSheet(selection.sheet);
    setAddress(`${columnName(selection.column)}${selection.row}`);
  }, [selection]);
  // A template just arrived (or the sheet went away): show where people type.
  const sheetCount = names.length;
  React.useEffect(() => {
    setSheet((current) => {
      const grid = names.includes("Milestones & Actuals") ? "Milestones & Actuals" : (names[0] ?? "");
      if (!names.includes(current)) return grid;
      return workbook.grid(current).rows.length === 0 ? grid : current;
    });
  }, [sheetCount]); // eslint-disable-line react-hooks/exhaustive-deps

  const grid = React.useMemo(() => workbook.grid(sheet), [workbook, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const at = parseAddress(address);
  // The formula bar: the selected cell's formula, or its value as typed (not as formatted).
  const current = at ? (grid.entries[at.row - 1]?.[at.column - 1] ?? "") : "";
  // Formula values arrive after the grid paints (computed off the page's thread where it can).
  React.useEffect(() => {
    if (grid.pending) void workbook.values(sheet);
  }, [grid, sheet, workbook]);
  React.useEffect(() => {
    setText(current);
  }, [current, address, sheet]);

  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [address, sheet, version]);

  const enter = async (): Promise<void> => {
    const target = parseAddress(address);
    if (!target) {
      setProblem(`"${address}" is not a cell address. Type one like D5.`);
      return;
    }
    setProblem(undefined);
    try {
      await workbook.setCell(sheet, target.row, target.column, text);
    } catch (e) {
      setProblem(`${e instanceof Error ? e.message : String(e)} Check the cell and try again.`);
    }
  };

  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  return (
    <section className={styles.root} aria-label="Preview workbook">
      <div className={styles.sheets}>
        <TabList
          size="small"
          selectedValue={sheet}
          onTabSelect={(_, d) => setSheet(String(d.value))}
          aria-label="Sheets"
        >
          {names.map((n) => (
            <Tab key={n} value={n}>
              {n}
            </Tab>
          ))}
        </TabList>
      </div>
      <form
        className={styles.bar}
        onSubmit={(e) => {
          e.preventDefault();
          void enter();
        }}
      >
        <Field
          label="Cell"
          className={styles.address}
          validationMessage={problem}
          validationState={problem ? "error" : "none"}
        >
          <Input
            className={styles.fill}
            value={address}
            onChange={(_, d) => setAddress(d.value.toUpperCase())}
          />
        </Field>
        <Field label="Value" className={styles.value}>
          <Input value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          Enter
        </Button>
      </form>
      {grid.rows.length === 0 ? (
        <span className={styles.hint}>This sheet is empty. Insert a template from the pane.</span>
      ) : (
        <div className={styles.scroller} tabIndex={0} role="region" aria-label={`Cells of ${sheet}`}>
          <table className={styles.grid}>
            <caption className={styles.hint}>
              {sheet}
              {grid.clipped ? " (first rows and columns only)" : ""}
            </caption>
            <thead>
              <tr>
                <th className={styles.head} scope="col">
                  <span aria-hidden="true">#</span>
                </th>
                {Array.from({ length: width }, (_, c) => (
                  <th key={c} className={styles.head} scope="col">
                    {columnName(c + 1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row, r) => (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: width }, (_, c) => {
                    const isSel = at?.row === r + 1 && at?.column === c + 1;
                    return (
                      <td
                        key={c}
                        ref={isSel ? selectedRef : undefined}
                        className={isSel ? `${styles.cell} ${styles.selected}` : styles.cell}
                        onClick={() => setAddress(`${columnName(c + 1)}${r + 1}`)}
                        title={row[c]}
                      >
                        {row[c]}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
