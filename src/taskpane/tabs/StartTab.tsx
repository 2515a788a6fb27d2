import * as React from "react";
import { Button, Field, Radio, RadioGroup, Switch } from "@fluentui/react-components";
import type { InsertResult, TemplatePreview, TemplateSummary, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ErrorBar, Note, Progress } from "../feedback";
import { useTabStyles } from "./styles";

export interface StartTabProps {
  port: YardstickPort;
  /** Offered after a successful insert: go on to prorate targets. */
  onDone?: () => void;
}

/** Start: pick a template, see its sheets and measures, insert it with or without sample data. */
export default function StartTab({ port, onDone }: StartTabProps): React.JSX.Element {
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
    void insertTask.run(async () =>
      setInserted(await port.insertTemplate({ templateId, withSampleData: withSample, destination })),
    );
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
      <Field label="Insert into">
        <RadioGroup
          value={destination}
          onChange={(_, d) => setDestination(d.value as "this" | "new")}
          layout="horizontal"
        >
          <Radio value="this" label="This workbook" />
          <Radio value="new" label="A new workbook" disabled={!port.canCreateWorkbook} />
        </RadioGroup>
      </Field>
      <Button appearance="primary" onClick={insert} disabled={!templateId || insertTask.busy}>
        Insert template
      </Button>
      <Progress task={insertTask} label="Writing sheets…" />
      <ErrorBar task={insertTask} />
      {inserted ? (
        <Note intent="success" title="Template inserted.">
          {inserted.sheets.length} sheets, {inserted.measureCount} measures, {inserted.unitCount} units.{" "}
          {onDone ? (
            <Button appearance="transparent" size="small" onClick={onDone}>
              Next: prorate targets
            </Button>
          ) : null}
        </Note>
      ) : null}
    </section>
  );
}

function TemplateDetails({ preview }: { preview: TemplatePreview }): React.JSX.Element {
  const styles = useTabStyles();
  return (
    <div className={styles.card} aria-label={`What ${preview.title} contains`} role="group">
      <h3 className={styles.subheading}>Sheets</h3>
      <ul className={styles.list}>
        {preview.sheets.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong> <span className={styles.hint}>{s.purpose}</span>
          </li>
        ))}
      </ul>
      <h3 className={styles.subheading}>Measures</h3>
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
