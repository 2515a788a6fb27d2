import * as React from "react";
import { Badge, Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { ArrowDownloadRegular, MailRegular } from "@fluentui/react-icons";
import { NeedsConfirmationError, type WriteResult, type YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ActionBar, AskFirst, DoneNote, EmptyState, ErrorBar, Note, Progress, TOUCH } from "../feedback";
import { formatMonth } from "../format";
import { useTabStyles } from "../tabs/styles";
import { loadXlsx } from "./lazyXlsx";
import { asSharePort } from "./port";
import { ReturnsTracker } from "./ReturnsTracker";
import {
  checkReturns,
  sendSetup,
  sendToOffices,
  SPLIT_COMMAND,
  type CollectCheck,
  type FileVerdict,
  type ReturnFile,
  type SendOutcome,
  type SendSetup,
  type ShareDeps,
} from "./service";

const DEPS: ShareDeps = { xlsx: loadXlsx, now: () => new Date() };

/** Hand bytes to the browser as a download (the preview, or a host that cannot open workbooks). */
function download(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const VERDICT: Record<FileVerdict["status"], { label: string; color: "success" | "danger" | "informative" }> =
  {
    merged: { label: "Accepted", color: "success" },
    received: { label: "Accepted, nothing new", color: "success" },
    rejected: { label: "Rejected", color: "danger" },
    superseded: { label: "Not used", color: "informative" },
    missing: { label: "Missing", color: "informative" },
    late: { label: "Late", color: "danger" },
  };

/** Share: send the scorecard to each office, and collect the files they send back. */
export default function ShareTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const share = React.useMemo(() => asSharePort(port), [port]);
  const setupTask = useTask();
  const sendTask = useTask();
  const checkTask = useTask();
  const mergeTask = useTask();
  const [setup, setSetup] = React.useState<SendSetup>();
  const [due, setDue] = React.useState("");
  const [by, setBy] = React.useState("unit");
  const [sent, setSent] = React.useState<SendOutcome>();
  const [check, setCheck] = React.useState<CollectCheck>();
  const [question, setQuestion] = React.useState<string>();
  const [merged, setMerged] = React.useState<WriteResult>();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const runSetup = setupTask.run;

  React.useEffect(() => {
    if (!share) return;
    void runSetup(async () => {
      const s = await sendSetup(share, DEPS);
      setSetup(s);
      setDue(s.defaultDue);
    });
  }, [share, runSetup]);

  if (!share)
    return (
      <EmptyState title="Sharing needs a workbook" goTo="start" action="Go to Start">
        Open a Yardstick scorecard to send copies to offices and collect them back.
      </EmptyState>
    );
  if (setupTask.error?.empty) return <ErrorBar task={setupTask} />;

  const excel = port.canCreateWorkbook;
  const send = (): void => {
    setSent(undefined);
    void sendTask.run(async () => {
      const outcome = await sendToOffices(share, excel, { due, by }, DEPS);
      if (outcome.kind === "zip") download(outcome.fileName, outcome.bytes);
      setSent(outcome);
    });
  };
  const pick = (list: FileList | null): void => {
    const files = [...(list ?? [])];
    setCheck(undefined);
    setMerged(undefined);
    setQuestion(undefined);
    if (files.length === 0) return;
    void checkTask.run(async () => {
      const read: ReturnFile[] = await Promise.all(
        files.map(async (f) => ({
          name: f.name,
          bytes: new Uint8Array(await f.arrayBuffer()),
          lastModified: f.lastModified,
        })),
      );
      setCheck(await checkReturns(share, read, DEPS));
    });
  };
  const merge = (confirm: boolean): void => {
    if (!check) return;
    setQuestion(undefined);
    void mergeTask.run(async () => {
      try {
        setMerged(await share.writeCollected(check.write, { confirm }));
        setCheck(undefined);
        // The Returns sheet changed: show the tracker as it now stands. The merge is done even if
        // this read fails; the tracker then catches up when the tab next opens.
        setSetup(await sendSetup(share, DEPS).catch(() => setup));
        if (fileInput.current) fileInput.current.value = "";
      } catch (e) {
        // A return revises an actual someone typed here: ask instead of failing.
        if (e instanceof NeedsConfirmationError) setQuestion(e.message);
        else throw e;
      }
    });
  };
  const cells = check?.write.cells ?? 0;

  return (
    <div className={styles.stack}>
      <section className={styles.stack} aria-labelledby="share-send">
        <h2 id="share-send" className={styles.heading}>
          Send to offices
        </h2>
        <span className={styles.hint}>
          One workbook per office with only its rows, stamped so that its return can be checked.
          {setup ? ` The copies ask for ${formatMonth(setup.reportMonth)}.` : ""}
        </span>
        <ErrorBar task={setupTask} />
        <Field label="Due back by">
          <Input
            className={styles.fill}
            type="date"
            value={due}
            onChange={(_, d) => setDue(d.value)}
            style={TOUCH}
          />
        </Field>
        <Field label="One copy per">
          <Dropdown
            className={styles.fill}
            value={by === "unit" ? "Unit" : by}
            selectedOptions={[by]}
            onOptionSelect={(_, d) => setBy(d.optionValue ?? "unit")}
            style={TOUCH}
          >
            {[
              <Option key="unit" value="unit">
                Unit
              </Option>,
              ...(setup?.groupColumns ?? []).map((c) => (
                <Option key={c} value={c} text={c}>
                  {`${c} (Units column)`}
                </Option>
              )),
            ]}
          </Dropdown>
        </Field>
        <span className={styles.hint}>
          {excel
            ? "Opens one new workbook per office: save each and email it to its office."
            : "Downloads one .zip with a workbook per office: unzip it and email each office its file. (In Excel, Yardstick opens each copy as a new workbook instead.)"}
        </span>
        <Button
          appearance="secondary"
          icon={excel ? <MailRegular /> : <ArrowDownloadRegular />}
          style={TOUCH}
          disabled={!setup || sendTask.busy || due === ""}
          onClick={send}
        >
          {excel ? "Send to offices" : "Send to offices (.zip)"}
        </Button>
        <Progress task={sendTask} label="Writing the office copies…" />
        <ErrorBar task={sendTask} />
        {sent ? (
          <Note intent="success" title={sent.kind === "zip" ? "Copies downloaded." : "Copies opened."}>
            {sent.message}
          </Note>
        ) : null}
        <span className={styles.hint}>
          Many offices, or Excel without new workbooks? Save this workbook and run{" "}
          <code>{SPLIT_COMMAND}</code> (docs/loop.md).
        </span>
      </section>

      <ReturnsTracker tracker={setup?.returns} />

      <section className={styles.stack} aria-labelledby="share-collect">
        <h2 id="share-collect" className={styles.heading}>
          Collect returns
        </h2>
        <Field
          // A native file input: Fluent's Field labels it only through htmlFor.
          label={{ children: "Returned files", htmlFor: "share-returned-files" }}
          hint="Pick every file that came back (any names, any order). Each is checked against its stamp; nothing is written until you merge."
        >
          <input
            id="share-returned-files"
            ref={fileInput}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => pick(e.currentTarget.files)}
            disabled={checkTask.busy || mergeTask.busy}
            style={TOUCH}
          />
        </Field>
        <Progress task={checkTask} label="Checking the returned files…" />
        <ErrorBar task={checkTask} />
        {check ? <CollectResultView check={check} /> : null}
      </section>

      <ActionBar
        status={
          <>
            <Progress task={mergeTask} label="Merging into the workbook…" />
            <ErrorBar task={mergeTask} />
            {question ? (
              <AskFirst
                title="Replace typed values?"
                confirmLabel="Merge anyway"
                onConfirm={() => merge(true)}
                onCancel={() => setQuestion(undefined)}
              >
                {question}
              </AskFirst>
            ) : null}
            {merged ? <DoneNote title="Returns merged." result={merged} /> : null}
          </>
        }
      >
        <Button
          appearance="primary"
          style={TOUCH}
          disabled={!check || cells === 0 || mergeTask.busy || question !== undefined}
          onClick={() => merge(false)}
        >
          {!check ? "Merge returns" : cells === 1 ? "Merge 1 cell" : `Merge ${cells} cells`}
        </Button>
      </ActionBar>
    </div>
  );
}

/** Per file: accepted or rejected and why; then the conflicts and who has not sent anything. */
function CollectResultView({ check }: { check: CollectCheck }): React.JSX.Element {
  const styles = useTabStyles();
  return (
    <div className={styles.stack} role="region" aria-label="Returned files checked">
      <ul className={styles.plainList}>
        {check.verdicts.map((v) => (
          <li key={`${v.file}|${v.unit}`} className={styles.card}>
            <div className={styles.spread}>
              <strong style={{ overflowWrap: "anywhere" }}>{v.file}</strong>
              <Badge className={styles.badge} appearance="filled" color={VERDICT[v.status].color}>
                {VERDICT[v.status].label}
              </Badge>
            </div>
            <span className={styles.hint}>
              {v.accepted
                ? `For ${v.unit}: ${v.cells === 1 ? "1 cell" : `${v.cells} cells`} to merge.`
                : v.status === "rejected"
                  ? "Nothing from this file will enter the workbook."
                  : `For ${v.unit}: another copy is used.`}
            </span>
            {v.reasons.length ? (
              <ul className={styles.list}>
                {v.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {check.conflicts.length ? (
        <Note intent="warning" title={`${check.conflicts.length} conflict(s): not merged`}>
          <ul className={styles.list}>
            {check.conflicts.map((c, i) => (
              <li key={i}>
                {c.unit}: {c.what}
              </li>
            ))}
          </ul>
        </Note>
      ) : null}
      {check.missing.length ? (
        <span className={styles.hint}>
          Nothing usable back yet from {check.missing.length} office(s): {check.missing.join(", ")}.
        </span>
      ) : null}
    </div>
  );
}
