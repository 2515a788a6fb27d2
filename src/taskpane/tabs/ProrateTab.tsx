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
import type { ProrateMethod, ProratePreview, RoundingChoice, SpreadChoice, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ErrorBar, Note, Progress } from "../feedback";
import { formatPct, formatValue, MONTH_NAMES } from "../format";
import {
  editField,
  formProblem,
  initialProrateForm,
  METHODS,
  methodOf,
  prorateReducer,
  prorateRequest,
  type ProrateFields,
} from "./prorateForm";
import { useTabStyles } from "./styles";

export { METHODS };

/** Number columns of a 320-px table stay narrow so the reason gets the room. */
const NUMBER_COLUMN: React.CSSProperties = { width: "76px" };

const SPREADS: { id: SpreadChoice; label: string }[] = [
  { id: "even", label: "Even" },
  { id: "seasonal", label: "Seasonal" },
  { id: "ramp", label: "Ramp" },
];

/** Prorate: split a program target across units, preview each share and why, write it. */
export default function ProrateTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const setupTask = useTask();
  const runSetup = setupTask.run;
  const previewTask = useTask();
  const writeTask = useTask();
  const [form, dispatch] = React.useReducer(prorateReducer, initialProrateForm);
  const { setup, measure, totalText, method, driver, baseText, locks, rounding, incrementText } = form;
  const { fyStartMonth, fiscalYearText, spread, preview, written, askFirst } = form;
  const edit = <K extends keyof ProrateFields>(field: K, value: ProrateFields[K]): void =>
    dispatch(editField(field, value));

  React.useEffect(() => {
    void runSetup(async () => dispatch({ type: "setupLoaded", setup: await port.loadProrateSetup() }));
  }, [port, runSetup]);

  const methodInfo = methodOf(form);
  const measureDef = setup?.measures.find((m) => m.id === measure);
  const problem = formProblem(form);

  const runPreview = (): void => {
    dispatch({ type: "previewStarted" });
    const request = prorateRequest(form);
    void previewTask.run(async () =>
      dispatch({ type: "previewed", preview: await port.previewProration(request) }),
    );
  };
  const write = (confirm = false): void => {
    dispatch({ type: "writeStarted" });
    const request = prorateRequest(form);
    void writeTask.run(async () => {
      try {
        dispatch({ type: "written", result: await port.writeProration(request, { confirm }) });
      } catch (e) {
        // Values people typed would be replaced: ask instead of failing.
        if (e instanceof NeedsConfirmationError)
          dispatch({ type: "confirmationNeeded", question: e.message });
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
          onOptionSelect={(_, d) => edit("measure", d.optionValue ?? "")}
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
        <Input inputMode="decimal" value={totalText} onChange={(_, d) => edit("totalText", d.value)} />
      </Field>
      <Field label="Method">
        <RadioGroup value={method} onChange={(_, d) => edit("method", d.value as ProrateMethod)}>
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
            onOptionSelect={(_, d) => edit("driver", d.optionValue ?? "")}
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
          <Input inputMode="decimal" value={baseText} onChange={(_, d) => edit("baseText", d.value)} />
        </Field>
      ) : null}
      <Field label="Locked units" hint="They keep the value you type; the others share the rest.">
        <Dropdown
          multiselect
          placeholder="None"
          value={lockedUnits.map((id) => setup?.units.find((u) => u.id === id)?.name ?? id).join(", ")}
          selectedOptions={lockedUnits}
          onOptionSelect={(_, d) => dispatch({ type: "lockUnits", units: d.selectedOptions })}
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
            onChange={(_, d) => dispatch({ type: "holdValue", unit: id, text: d.value })}
          />
        </Field>
      ))}
      <div className={styles.row}>
        <Field label="Round to steps of" className={styles.narrow}>
          <Input
            inputMode="decimal"
            value={incrementText}
            onChange={(_, d) => edit("incrementText", d.value)}
          />
        </Field>
        <Field label="Rounding">
          <Dropdown
            value={rounding === "webster" ? "Webster" : "Largest remainder"}
            selectedOptions={[rounding]}
            onOptionSelect={(_, d) => edit("rounding", d.optionValue as RoundingChoice)}
          >
            <Option value="largestRemainder">Largest remainder</Option>
            <Option value="webster">Webster</Option>
          </Dropdown>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Fiscal year starts">
          <Dropdown
            value={MONTH_NAMES[fyStartMonth - 1]}
            selectedOptions={[String(fyStartMonth)]}
            onOptionSelect={(_, d) => edit("fyStartMonth", Number(d.optionValue))}
          >
            {MONTH_NAMES.map((name, i) => (
              <Option key={name} value={String(i + 1)}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Fiscal year" className={styles.narrow}>
          <Input
            inputMode="numeric"
            value={fiscalYearText}
            onChange={(_, d) => edit("fiscalYearText", d.value)}
          />
        </Field>
      </div>
      <Field label="Spread over the months">
        <RadioGroup
          layout="horizontal"
          value={spread}
          onChange={(_, d) => edit("spread", d.value as SpreadChoice)}
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
            <Button onClick={() => dispatch({ type: "confirmationCancelled" })}>Cancel</Button>
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
