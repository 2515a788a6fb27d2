/**
 * The preview's formula values, computed in a web worker so that HyperFormula's seconds over a
 * template never hold the page: one request in, its values (or an error message) out.
 */
import { computeValues, type EngineInput } from "../../office/memory/formulas";
import type { Box } from "../../office/memory/a1";

export interface ValuesRequest {
  id: number;
  input: EngineInput;
  sheet: string;
  box: Box;
}

export type ValuesAnswer =
  { id: number; values: (string | number | boolean)[][] } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ValuesRequest>) => void) | null;
  postMessage(answer: ValuesAnswer): void;
};

scope.onmessage = (event) => {
  const { id, input, sheet, box } = event.data;
  try {
    scope.postMessage({ id, values: computeValues(input, sheet, box) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
