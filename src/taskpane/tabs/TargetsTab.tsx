import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Select,
} from "@fluentui/react-components";
import type { RevisionReason } from "../../engine/revisions/types";
import { PICKABLE_REASONS, REASON_LABELS } from "../revisions";
import { NeedsConfirmationError } from "../port";
import type { ProrateMethod, RoundingChoice, SpreadChoice, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ActionBar, AskFirst, DoneNote, EmptyState, ErrorBar, Progress, TOUCH } from "../feedback";
import { formatMeasure, MONTH_NAMES } from "../format";
import {
  editField,
  formProblem,
  formProblems,
  initialProrateForm,
  METHODS,
  methodOf,
  methodsFor,
  prorateReducer,
  prorateRequest,
  type ProrateFields,
} from "./prorateForm";
import { PreviewTable } from "./PreviewTable";
import { BudgetFields } from "./BudgetFields";
import { useTabStyles } from "./styles";

export { METHODS };

const SPREADS: { id: SpreadChoice; label: string }[] = [
  { id: "even", label: "Even" },
  { id: "seasonal", label: "Seasonal" },
  { id: "ramp", label: "Ramp" },
];

/** Targets: split a program target across units, preview each share and why, write exactly that. */
export default function TargetsTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const setupTask = useTask();
  const runSetup = setupTask.run;
  const previewTask = useTask();
  const writeTask = useTask();
  const [form, dispatch] = React.useReducer(prorateReducer, initialProrateForm);
  const { setup, measure, totalText, method, driver, baseText, locks, rounding, incrementText } = form;
  const { fyStartMonth, fiscalYearText, spread, shown, written, askFirst } = form;
  const edit = <K extends keyof ProrateFields>(field: K, value: ProrateFields[K]): void =>
    dispatch(editField(field, value));
  // Why targets people set are being replaced: logged in the revision log with the write.
  const [reason, setReason] = React.useState<RevisionReason | "">("");

  React.useEffect(() => {
    void runSetup(async () => dispatch({ type: "setupLoaded", setup: await port.loadProrateSetup() }));
  }, [port, runSetup]);

  const methodInfo = methodOf(form);
  const measureDef = setup?.measures.find((m) => m.id === measure);
  const problems = formProblems(form);
  const problem = formProblem(form);
  const lastYear = measureDef ? setup?.lastYear[measureDef.id] : undefined;
  const isRate = measureDef?.kind === "rate";

  const runPreview = (): void => {
    dispatch({ type: "previewStarted" });
    const request = prorateRequest(form);
    void previewTask.run(async () =>
      dispatch({ type: "previewed", preview: await port.previewProration(request), request }),
    );
  };
  const write = (confirm = false): void => {
    if (!shown) return;
    const why = confirm && reason ? { reason } : {};
    dispatch({ type: "writeStarted" });
    void writeTask.run(async () => {
      try {
        // What is written is what was shown: the previewed request, checked against the preview.
        const result = await port.writeProration(shown.request, { confirm, shown: shown.preview, ...why });
        dispatch({ type: "written", result });
      } catch (e) {
        // Values people typed would be replaced: ask instead of failing.
        if (e instanceof NeedsConfirmationError)
          dispatch({ type: "confirmationNeeded", question: e.message });
        else throw e;
      }
    });
  };
  const lockedUnits = Object.keys(locks);
  const nameOf = (id: string): string => setup?.units.find((u) => u.id === id)?.name ?? id;
  // A field's problem shows once something is typed there; a blank total is explained beside Preview.
  const onField = (field: keyof typeof problems, text: string): string | undefined =>
    text.trim() === "" ? undefined : problems[field]?.message;
  const disabledWhy = problem
    ? totalText.trim() === "" && problems.total
      ? `Preview needs ${isRate ? "the program's target rate" : "the program total"}.`
      : `Preview needs a fix above: ${problem}`
    : undefined;

  if (setupTask.error?.empty) return <ErrorBar task={setupTask} />;
  return (
    <section className={styles.stack} aria-labelledby="targets-heading">
      <h2 id="targets-heading" className={styles.heading}>
        Split a program target
      </h2>
      <ErrorBar task={setupTask} />
      <Progress task={setupTask} label="Reading units and measures…" />
      {setup && setup.measures.length === 0 ? (
        <EmptyState title="No measures yet" goTo="start" action="Choose a template">
          List what you measure on the Measures sheet, or start from a template that has measures.
        </EmptyState>
      ) : null}
      {setup && setup.measures.length > 0 && setup.units.length === 0 ? (
        <EmptyState title="No units yet">
          List your offices or teams on the Units sheet, then come back to split a target across them.
        </EmptyState>
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
          isRate
            ? "Program target rate (%)"
            : `Program total${measureDef?.unitLabel ? ` (${measureDef.unitLabel})` : ""}`
        }
        hint={[
          lastYear !== undefined && measureDef ? `Last year: ${formatMeasure(lastYear, measureDef)}.` : "",
          isRate
            ? "Units get rates whose caseload-weighted average meets it."
            : "Unit targets add up to exactly this.",
        ]
          .filter(Boolean)
          .join(" ")}
        validationMessage={onField("total", totalText)}
      >
        <Input inputMode="decimal" value={totalText} onChange={(_, d) => edit("totalText", d.value)} />
      </Field>
      {problems.total?.suggest && totalText.trim() !== "" ? (
        <Button size="small" onClick={() => edit("totalText", problems.total!.suggest!)}>
          Use {problems.total.suggest} %
        </Button>
      ) : null}
      <Field label="Method">
        <RadioGroup value={method} onChange={(_, d) => edit("method", d.value as ProrateMethod)}>
          {methodsFor(form).map((m) => (
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
        <Field
          label="Base per unit"
          hint="Every unit that is not locked gets this first; the rest is shared by the column."
          validationMessage={onField("base", baseText)}
        >
          <Input inputMode="decimal" value={baseText} onChange={(_, d) => edit("baseText", d.value)} />
        </Field>
      ) : null}
      <Field label="Locked units" hint="They keep the value you type; the others share the rest.">
        <Dropdown
          multiselect
          placeholder="None"
          value={lockedUnits.map(nameOf).join(", ")}
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
        <Field
          key={id}
          label={`Held value for ${nameOf(id)}`}
          validationMessage={onField(`lock:${id}`, locks[id])}
        >
          <Input
            inputMode="decimal"
            value={locks[id]}
            onChange={(_, d) => dispatch({ type: "holdValue", unit: id, text: d.value })}
          />
        </Field>
      ))}
      <div className={styles.row}>
        <Field
          label="Round targets to"
          hint="1 = whole numbers"
          className={styles.narrow}
          validationMessage={problems.increment?.message}
        >
          <Input
            className={styles.fill}
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
        <Field label="Fiscal year" className={styles.narrow} validationMessage={problems.fiscalYear?.message}>
          <Input
            className={styles.fill}
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
      <BudgetFields form={form} problems={problems} edit={edit} />
      {shown ? <PreviewTable preview={shown.preview} /> : null}
      <ActionBar
        status={
          <>
            {disabledWhy ? (
              <span className={styles.hint} id="preview-why">
                {disabledWhy}
              </span>
            ) : !shown ? (
              <span className={styles.hint}>Preview first: the workbook gets exactly what you see.</span>
            ) : null}
            <Progress
              task={previewTask}
              label={
                shown?.request.budget || form.budgetOn
                  ? "Splitting the target and budget…"
                  : "Splitting the target…"
              }
            />
            <Progress task={writeTask} label="Writing targets and milestones…" />
            <ErrorBar task={previewTask} />
            <ErrorBar task={writeTask} />
            {askFirst ? (
              <AskFirst
                title={askFirst}
                confirmLabel="Write anyway"
                onConfirm={() => write(true)}
                onCancel={() => dispatch({ type: "confirmationCancelled" })}
              >
                Replace them with the new targets and milestones{shown?.request.budget ? " and budgets" : ""}?
                <Field label="Why (kept in the revision log)">
                  <Select value={reason} onChange={(_, d) => setReason(d.value as RevisionReason | "")}>
                    <option value="">No reason given</option>
                    {PICKABLE_REASONS.map((r) => (
                      <option key={r} value={r}>
                        {REASON_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </AskFirst>
            ) : null}
            {written ? <DoneNote title="Targets written." result={written} /> : null}
          </>
        }
      >
        <Button
          appearance={shown ? "secondary" : "primary"}
          style={TOUCH}
          onClick={runPreview}
          disabledFocusable={Boolean(problem) || previewTask.busy}
          aria-describedby={disabledWhy ? "preview-why" : undefined}
        >
          Preview shares
        </Button>
        <Button
          appearance={shown ? "primary" : "secondary"}
          style={TOUCH}
          onClick={() => write(false)}
          disabled={!shown || writeTask.busy}
        >
          Write to workbook
        </Button>
      </ActionBar>
    </section>
  );
}
