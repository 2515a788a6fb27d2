import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { NeedsConfirmationError } from "../port";
import type {
  ProrateMethod,
  ProratePreview,
  ProrateRequest,
  ProrateSetup,
  RoundingChoice,
  SpreadChoice,
  WriteResult,
  YardstickPort,
} from "../port";
import { useTask } from "../useTask";
import { ErrorBar, Note, Progress } from "../feedback";
import { formatPct, formatValue, MONTH_NAMES } from "../format";
import { useTabStyles } from "./styles";

/** Number columns of a 320-px table stay narrow so the reason gets the room. */
const NUMBER_COLUMN: React.CSSProperties = { width: "76px" };

/** Each method with the one line a manager needs to choose it. */
export const METHODS: { id: ProrateMethod; label: string; explain: string; needsDriver: boolean }[] = [
  { id: "equal", label: "Equal", explain: "Every unit gets the same share.", needsDriver: false },
  {
    id: "proportional",
    label: "By a driver",
    explain: "In proportion to caseload, staff or budget.",
    needsDriver: true,
  },
  {
    id: "priorShare",
    label: "Last year's share",
    explain: "Each unit keeps its share of last year's actual.",
    needsDriver: true,
  },
  {
    id: "custom",
    label: "Custom weights",
    explain: "In proportion to weights you typed in a column.",
    needsDriver: true,
  },
  {
    id: "gapClosing",
    label: "Close the gap",
    explain: "Rates: weaker units close the same part of their gap, so they rise more.",
    needsDriver: false,
  },
  {
    id: "basePlusProRata",
    label: "Base plus share",
    explain: "A fixed base each, the rest by the driver.",
    needsDriver: true,
  },
];

const SPREADS: { id: SpreadChoice; label: string }[] = [
  { id: "even", label: "Even" },
  { id: "seasonal", label: "Seasonal" },
  { id: "ramp", label: "Ramp" },
];

/** Parses a typed number; blank or junk gives undefined, never NaN. */
function toNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text.replace(/[,$\s]/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/** Prorate: split a program target across units, preview each share and why, write it. */
export default function ProrateTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const setupTask = useTask();
  const runSetup = setupTask.run;
  const previewTask = useTask();
  const writeTask = useTask();
  const [setup, setSetup] = React.useState<ProrateSetup>();
  const [measure, setMeasure] = React.useState("");
  const [totalText, setTotalText] = React.useState("");
  const [method, setMethod] = React.useState<ProrateMethod>("proportional");
  const [driver, setDriver] = React.useState("");
  const [baseText, setBaseText] = React.useState("0");
  const [locks, setLocks] = React.useState<Record<string, string>>({});
  const [rounding, setRounding] = React.useState<RoundingChoice>("largestRemainder");
  const [incrementText, setIncrementText] = React.useState("1");
  const [fyStart, setFyStart] = React.useState(10);
  const [fiscalYearText, setFiscalYearText] = React.useState("");
  const [spread, setSpread] = React.useState<SpreadChoice>("even");
  const [preview, setPreview] = React.useState<ProratePreview>();
  const [written, setWritten] = React.useState<WriteResult>();

  React.useEffect(() => {
    void runSetup(async () => {
      const s = await port.loadProrateSetup();
      setSetup(s);
      setMeasure(s.measures[0]?.id ?? "");
      setDriver(s.drivers[0] ?? "");
      setFyStart(s.fyStartMonth);
      setFiscalYearText(String(s.fiscalYear));
    });
  }, [port, runSetup]);

  const methodInfo = METHODS.find((m) => m.id === method) ?? METHODS[0];
  const measureDef = setup?.measures.find((m) => m.id === measure);
  const total = toNumber(totalText);
  const increment = toNumber(incrementText);
  const fiscalYear = toNumber(fiscalYearText);
  const problem = !measure
    ? "Choose a measure."
    : total === undefined || total < 0
      ? "Type the program total as a number, 0 or more."
      : increment === undefined || increment <= 0
        ? "Rounding step must be a number above 0 (1 = whole numbers)."
        : fiscalYear === undefined || !Number.isInteger(fiscalYear)
          ? "Type the fiscal year, e.g. 2027."
          : methodInfo.needsDriver && !driver
            ? "Choose the column to split by."
            : undefined;

  const request = (): ProrateRequest => {
    const held: Record<string, number> = {};
    for (const [unit, text] of Object.entries(locks)) {
      const n = toNumber(text);
      if (n !== undefined) held[unit] = n;
    }
    return {
      measure,
      total: total ?? 0,
      method,
      driver: methodInfo.needsDriver ? driver : undefined,
      baseEach: method === "basePlusProRata" ? (toNumber(baseText) ?? 0) : undefined,
      locks: held,
      rounding,
      increment: increment ?? 1,
      fyStartMonth: fyStart,
      fiscalYear: fiscalYear ?? 0,
      spread,
    };
  };

  const runPreview = (): void => {
    setWritten(undefined);
    void previewTask.run(async () => setPreview(await port.previewProration(request())));
  };
  const [askFirst, setAskFirst] = React.useState<string>();
  const write = (confirm = false): void => {
    setAskFirst(undefined);
    void writeTask.run(async () => {
      try {
        setWritten(await port.writeProration(request(), { confirm }));
      } catch (e) {
        // Values people typed would be replaced: ask instead of failing.
        if (e instanceof NeedsConfirmationError) setAskFirst(e.message);
        else throw e;
      }
    });
  };
  const lockedUnits = Object.keys(locks);

  return (
    <section className={styles.stack} aria-labelledby="prorate-heading">
      <h2 id="prorate-heading" className={styles.heading}>
        Prorate a target
      </h2>
      <ErrorBar task={setupTask} />
      <Progress task={setupTask} label="Reading units and measures…" />
      {setup && setup.units.length === 0 ? (
        <Note intent="info" title="No units yet.">
          Insert a template on the Start tab or list your units on the Units sheet.
        </Note>
      ) : null}
      <Field label="Measure">
        <Dropdown
          value={measureDef?.name ?? ""}
          selectedOptions={measure ? [measure] : []}
          onOptionSelect={(_, d) => setMeasure(d.optionValue ?? "")}
          placeholder="Choose a measure"
        >
          {(setup?.measures ?? []).map((m) => (
            <Option key={m.id} value={m.id}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={
          measureDef?.kind === "rate"
            ? "Program target rate (%)"
            : `Program total${measureDef?.unitLabel ? ` (${measureDef.unitLabel})` : ""}`
        }
        hint={
          measureDef?.kind === "rate"
            ? "Units get rates whose caseload-weighted average meets it."
            : "Unit targets add up to exactly this."
        }
      >
        <Input inputMode="decimal" value={totalText} onChange={(_, d) => setTotalText(d.value)} />
      </Field>
      <Field label="Method">
        <RadioGroup value={method} onChange={(_, d) => setMethod(d.value as ProrateMethod)}>
          {METHODS.map((m) => (
            <Radio
              key={m.id}
              value={m.id}
              label={{
                children: (
                  <>
                    <strong>{m.label}</strong>: <span className={styles.hint}>{m.explain}</span>
                  </>
                ),
              }}
            />
          ))}
        </RadioGroup>
      </Field>
      {methodInfo.needsDriver ? (
        <Field label="Split by column">
          <Dropdown
            value={driver}
            selectedOptions={driver ? [driver] : []}
            onOptionSelect={(_, d) => setDriver(d.optionValue ?? "")}
          >
            {(setup?.drivers ?? []).map((c) => (
              <Option key={c} value={c}>
                {c}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      {method === "basePlusProRata" ? (
        <Field label="Base per unit" hint="Every free unit gets this before the rest is shared.">
          <Input inputMode="decimal" value={baseText} onChange={(_, d) => setBaseText(d.value)} />
        </Field>
      ) : null}
      <Field label="Locked units" hint="They keep the value you type; the others share the rest.">
        <Dropdown
          multiselect
          placeholder="None"
          value={lockedUnits.map((id) => setup?.units.find((u) => u.id === id)?.name ?? id).join(", ")}
          selectedOptions={lockedUnits}
          onOptionSelect={(_, d) =>
            setLocks((old) => Object.fromEntries(d.selectedOptions.map((id) => [id, old[id] ?? ""])))
          }
        >
          {(setup?.units ?? []).map((u) => (
            <Option key={u.id} value={u.id}>
              {u.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {lockedUnits.map((id) => (
        <Field key={id} label={`Held value for ${setup?.units.find((u) => u.id === id)?.name ?? id}`}>
          <Input
            inputMode="decimal"
            value={locks[id]}
            onChange={(_, d) => setLocks((old) => ({ ...old, [id]: d.value }))}
          />
        </Field>
      ))}
      <div className={styles.row}>
        <Field label="Round to steps of" className={styles.narrow}>
          <Input inputMode="decimal" value={incrementText} onChange={(_, d) => setIncrementText(d.value)} />
        </Field>
        <Field label="Rounding">
          <Dropdown
            value={rounding === "webster" ? "Webster" : "Largest remainder"}
            selectedOptions={[rounding]}
            onOptionSelect={(_, d) => setRounding(d.optionValue as RoundingChoice)}
          >
            <Option value="largestRemainder">Largest remainder</Option>
            <Option value="webster">Webster</Option>
          </Dropdown>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Fiscal year starts">
          <Dropdown
            value={MONTH_NAMES[fyStart - 1]}
            selectedOptions={[String(fyStart)]}
            onOptionSelect={(_, d) => setFyStart(Number(d.optionValue))}
          >
            {MONTH_NAMES.map((name, i) => (
              <Option key={name} value={String(i + 1)}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Fiscal year" className={styles.narrow}>
          <Input inputMode="numeric" value={fiscalYearText} onChange={(_, d) => setFiscalYearText(d.value)} />
        </Field>
      </div>
      <Field label="Spread over the months">
        <RadioGroup
          layout="horizontal"
          value={spread}
          onChange={(_, d) => setSpread(d.value as SpreadChoice)}
        >
          {SPREADS.map((s) => (
            <Radio key={s.id} value={s.id} label={s.label} />
          ))}
        </RadioGroup>
      </Field>
      {problem && totalText !== "" ? <Note intent="warning">{problem}</Note> : null}
      <div className={styles.row}>
        <Button appearance="primary" onClick={runPreview} disabled={Boolean(problem) || previewTask.busy}>
          Preview shares
        </Button>
        <Button onClick={() => write(false)} disabled={!preview || Boolean(problem) || writeTask.busy}>
          Write to workbook
        </Button>
      </div>
      <Progress task={previewTask} label="Prorating…" />
      <Progress task={writeTask} label="Writing targets and milestones…" />
      <ErrorBar task={previewTask} />
      <ErrorBar task={writeTask} />
      {askFirst ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{askFirst}</MessageBarTitle> Replace them with the new targets and milestones?
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => write(true)}>
              Write anyway
            </Button>
            <Button onClick={() => setAskFirst(undefined)}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {written ? (
        <Note intent="success" title="Targets written.">
          {written.message}
        </Note>
      ) : null}
      {preview ? <PreviewTable preview={preview} /> : null}
    </section>
  );
}

function PreviewTable({ preview }: { preview: ProratePreview }): React.JSX.Element {
  const styles = useTabStyles();
  return (
    <>
      {preview.warnings.map((w) => (
        <Note key={w} intent="warning">
          {w}
        </Note>
      ))}
      <Table size="small" aria-label="Each unit's share">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Unit and why</TableHeaderCell>
            <TableHeaderCell className={styles.number} style={NUMBER_COLUMN}>
              Target
            </TableHeaderCell>
            <TableHeaderCell className={styles.number} style={NUMBER_COLUMN}>
              Share
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.lines.map((line) => (
            <TableRow key={line.unit}>
              <TableCell>
                <strong>{line.unitName}</strong>
                {line.locked ? " (locked)" : ""}
                <br />
                <span className={styles.hint}>{line.reason}</span>
              </TableCell>
              <TableCell className={styles.number}>{formatValue(line.value, preview.unitLabel)}</TableCell>
              <TableCell className={styles.number}>{formatPct(line.sharePct)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <span className={styles.hint}>Program total: {formatValue(preview.total, preview.unitLabel)}</span>
    </>
  );
}
