/**
 * The default path, on the in-memory Excel: insert each template, open Targets on its first
 * measure as the form sets it up, type a plausible total (last year's, or a rate), and preview.
 * Every measure of every template, with and without sample data, previews without an error.
 */
import { createPreview } from "../../../src/taskpane/preview/createPreview";
import {
  editField,
  initialProrateForm,
  prorateReducer,
  prorateRequest,
  formProblem,
} from "../../../src/taskpane/tabs/prorateForm";
import { TEMPLATES } from "../../../src/workbook/templates";
import type { ProrateSetup } from "../../../src/taskpane/port";

jest.setTimeout(300_000);

/** What a manager would type: a rate of 90 %, a ratio of 5, or last year's figure (else 1,200). */
function plausibleTotal(setup: ProrateSetup, measure: string): string {
  const m = setup.measures.find((x) => x.id === measure)!;
  if (m.kind === "rate") return "90";
  if (m.kind === "ratio") return "5";
  return String(Math.round(setup.lastYear[measure] ?? 1200));
}

describe.each(
  Object.values(TEMPLATES)
    .filter((t) => t.measures.length > 0)
    .map((t) => [t.id]),
)("the default split on the %s template", (templateId) => {
  it.each([[true], [false]])(
    "previews every measure with its default method (sample data: %s)",
    async (sample) => {
      const { port } = createPreview();
      await port.insertTemplate({ templateId, withSampleData: sample, destination: "this" });
      const setup = await port.loadProrateSetup();
      const failures: string[] = [];
      for (const measure of setup.measures) {
        let form = prorateReducer(initialProrateForm, { type: "setupLoaded", setup });
        form = prorateReducer(form, editField("measure", measure.id));
        form = prorateReducer(form, editField("totalText", plausibleTotal(setup, measure.id)));
        const problem = formProblem(form);
        if (problem) {
          failures.push(`${measure.id}: ${problem}`);
          continue;
        }
        await port
          .previewProration(prorateRequest(form))
          .catch((e: Error) => failures.push(`${measure.id} (${form.method}): ${e.message}`));
      }
      expect(failures).toEqual([]);
    },
  );
});
