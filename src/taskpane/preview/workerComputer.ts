/**
 * The browser's FormulaComputer: one web worker (valuesWorker.ts, its own chunk) computes formula
 * values off the page's thread. A change to the workbook ends the worker mid-computation (its
 * answer would be stale) and the next request starts a fresh one. Loaded only in a browser with
 * workers: `import.meta.url` is webpack's way to the worker's chunk.
 */
import type { FormulaComputer } from "./memoryWorkbook";
import type { ValuesAnswer, ValuesRequest } from "./valuesWorker";

type Waiting = { resolve: (values: (string | number | boolean)[][]) => void; reject: (e: Error) => void };

export function workerComputer(): FormulaComputer {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const start = (): Worker => {
    const w = new Worker(new URL("./valuesWorker.ts", import.meta.url), { name: "preview-values" });
    w.onmessage = (event: MessageEvent<ValuesAnswer>) => {
      const answer = event.data;
      const wait = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ("values" in answer) wait?.resolve(answer.values);
      else wait?.reject(new Error(answer.error));
    };
    w.onerror = (event) => {
      for (const wait of waiting.values())
        wait.reject(new Error(event.message || "The values worker failed."));
      waiting.clear();
      w.terminate();
      if (worker === w) worker = undefined;
    };
    return w;
  };
  return {
    compute: (input, sheet, box) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker ??= start();
        const request: ValuesRequest = { id, input, sheet, box };
        worker.postMessage(request);
      }),
    cancel: () => {
      if (!worker || waiting.size === 0) return;
      worker.terminate();
      worker = undefined;
      for (const wait of waiting.values()) wait.reject(new Error("cancelled: the workbook changed"));
      waiting.clear();
    },
  };
}
