/**
 * Wraps a port so that every call that may change the workbook tells the preview grid to redraw,
 * and a jump to a cell selects it in the grid (there is no Excel window to show it otherwise).
 */
import type { CellRef } from "../../engine/model";
import type { YardstickPort } from "../port";
import { asRevisionPort, type RevisionPort } from "../revisions/port";
import { asSharePort, type SharePort } from "../share/port";

export function notifying(
  port: YardstickPort,
  changed: () => void,
  select: (ref: CellRef) => void,
): YardstickPort {
  const after =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } finally {
        changed();
      }
    };
  const log = asRevisionPort(port);
  const revisions: Partial<RevisionPort> = log
    ? {
        reviewRevisions: () => log.reviewRevisions(),
        logTypedChanges: after((reason, note) => log.logTypedChanges(reason, note)),
        setRevisionName: after((name) => log.setRevisionName(name)),
        targetHistory: (measure, unit) => log.targetHistory(measure, unit),
      }
    : {};
  const loop = asSharePort(port);
  const share: Partial<SharePort> = loop
    ? {
        readLoopTables: () => loop.readLoopTables(),
        writeCollected: after((write, options) => loop.writeCollected(write, options)),
        openNewWorkbook: (base64) => loop.openNewWorkbook(base64),
        writeMasterId: after((id) => loop.writeMasterId(id)),
      }
    : {};
  return {
    ...revisions,
    ...share,
    mode: port.mode,
    canCreateWorkbook: port.canCreateWorkbook,
    revertsOwnWrites: port.revertsOwnWrites,
    listTemplates: () => port.listTemplates(),
    previewTemplate: (id) => port.previewTemplate(id),
    insertTemplate: after((r) => port.insertTemplate(r)),
    loadProrateSetup: () => port.loadProrateSetup(),
    previewProration: (r) => port.previewProration(r),
    writeProration: after((r, o) => port.writeProration(r, o)),
    runCheck: (asOf) => port.runCheck(asOf),
    listFlags: () => port.listFlags(),
    reviewFlag: after((id, review) => port.reviewFlag(id, review)),
    revertLast: after((o) => port.revertLast(o)),
    selectCell: async (ref) => {
      await port.selectCell(ref);
      select(ref);
    },
  };
}
