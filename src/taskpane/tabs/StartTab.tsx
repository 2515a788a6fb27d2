import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Switch,
} from "@fluentui/react-components";
import type { InsertResult, TemplatePreview, TemplateSummary, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { usePaneNav } from "../nav";
import { ActionBar, ErrorBar, Note, Progress, TOUCH } from "../feedback";
import { useTabStyles } from "./styles";

export interface StartTabProps {
  port: YardstickPort;
}

/** Lets the browser paint (the progress bar) before long synchronous work starts. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** Start: pick a template, see its sheets and measures, insert it with or without sample data. */
export default function StartTab({ port }: StartTabProps): React.JSX.Element {
  const nav = usePaneNav();
  const styles = useTabStyles();
  const listTask = useTask();
  const runList = listTask.run;
  const previewTask = useTask();
  const runPreview = previewTask.run;
  const insertTask = useTask();
  const [templates, setTemplates] = React.useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = React.useState<string>("");
  const [preview, setPreview] = React.useState<TemplatePreview>();
  const [withSample, setWithSample] = React.useState(true);
  const [destination, setDestination] = React.useState<"this" | "new">("this");
  const [inserted, setInserted] = React.useState<InsertResult>();

  React.useEffect(() => {
    void runList(async () => {
      const list = await port.listTemplates();
      setTemplates(list);
      setTemplateId((current) => current || list[0]?.id || "");
    });
  }, [port, runList]);

  React.useEffect(() => {
    if (!templateId) return;
    void runPreview(async () => setPreview(await port.previewTemplate(templateId)));
  }, [port, templateId, runPreview]);

  const insert = (): void => {
    setInserted(undefined);
    void insertTask.run(async () => {
      // Writing a template can hold the page for seconds in the preview: paint the progress first.
      await nextPaint();
      setInserted(await port.insertTemplate({ templateId, withSampleData: withSample, destination }));
    });
  };

  return (
    <section className={styles.stack} aria-labelledby="start-heading">
      <h2 id="start-heading" className={styles.heading}>
        Start a scorecard
      </h2>
      <ErrorBar task={listTask} />
      <Progress task={listTask} label="Loading templates…" />
      <Field label="Template">
        <RadioGroup value={templateId} onChange={(_, d) => setTemplateId(d.value)}>
          {templates.map((t) => (
            <Radio
              key={t.id}
              value={t.id}
              label={{
                children: (
                  <>
                    <strong>{t.title}</strong>
                    <br />
                    <span className={styles.hint}>{t.description}</span>
                  </>
                ),
              }}
            />
          ))}
        </RadioGroup>
      </Field>
      <ErrorBar task={previewTask} />
      {preview ? <TemplateDetails preview={preview} /> : null}
      <Switch
        checked={withSample}
        onChange={(_, d) => setWithSample(d.checked)}
        label="Include sample data (units, actuals, targets)"
      />
      <Field
        label="Insert into"
        hint={
          port.canCreateWorkbook
            ? "A new workbook opens in its own window: save it where you keep your files."
            : port.mode === "preview"
              ? "A new workbook is made only in Excel (2019 or later, Microsoft 365, Mac or the web); here the template goes into the preview workbook."
              : "This Excel cannot open a new workbook from an add-in: create a blank one, open Yardstick there, and insert."
        }
      >
        <RadioGroup
          value={destination}
          onChange={(_, d) => setDestination(d.value as "this" | "new")}
          layout="horizontal"
        >
          <Radio value="this" label="This workbook" />
          <Radio value="new" label="A new workbook" disabled={!port.canCreateWorkbook} />
        </RadioGroup>
      </Field>
      <ActionBar
        status={
          <>
            {insertTask.busy ? (
              <Field validationMessage="Writing the template's sheets…" validationState="none">
                <ProgressBar aria-label="Writing the template's sheets" />
              </Field>
            ) : null}
            <ErrorBar task={insertTask} />
            {inserted ? (
              <Note intent="success" title="Template inserted.">
                {inserted.sheets.length} sheets, {inserted.measureCount} measures, {inserted.unitCount} units.{" "}
                {inserted.measureCount > 0 ? (
                  <Button appearance="transparent" size="small" onClick={() => nav("targets")}>
                    Next: set targets
                  </Button>
                ) : (
                  <>Next: list what you measure on the Measures sheet and your offices on the Units sheet.</>
                )}
              </Note>
            ) : null}
          </>
        }
      >
        <Button appearance="primary" style={TOUCH} onClick={insert} disabled={!templateId || insertTask.busy}>
          Insert template
        </Button>
      </ActionBar>
    </section>
  );
}

function TemplateDetails({ preview }: { preview: TemplatePreview }): React.JSX.Element {
  const styles = useTabStyles();
  return (
    <div className={styles.card} aria-label={`What ${preview.title} contains`} role="group">
      <Accordion collapsible>
        <AccordionItem value="sheets">
          <AccordionHeader style={TOUCH}>Sheets ({preview.sheets.length})</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {preview.sheets.map((s) => (
                <li key={s.name}>
                  <strong>{s.name}</strong> <span className={styles.hint}>{s.purpose}</span>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <h3 className={styles.subheading}>Measures ({preview.measures.length})</h3>
      {preview.measures.length === 0 ? (
        <span className={styles.hint}>None yet: you add your own on the Measures sheet.</span>
      ) : (
        <ul className={styles.list}>
          {preview.measures.map((m) => (
            <li key={m.id}>
              {m.name}{" "}
              <span className={styles.hint}>
                ({m.unitLabel ?? "count"},{" "}
                {m.direction === "up"
                  ? "higher is better"
                  : m.direction === "down"
                    ? "lower is better"
                    : "stay within a band"}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
