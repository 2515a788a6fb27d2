/**
 * Errors from the xlsx layer. A plan the writer cannot express is a programming error and
 * throws `XlsxPlanError` naming the sheet and cell; a workbook a person edited is data, and
 * its problems come back from the reader as findings instead.
 */

/** A plan that cannot be written: names the sheet and cell so the template author can fix it. */
export class XlsxPlanError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
    readonly address?: string,
  ) {
    super(sheet ? `${sheet}${address ? `!${address}` : ""}: ${message}` : message);
    this.name = "XlsxPlanError";
  }
}

/** A file that is not a readable .xlsx workbook at all (corrupt zip, wrong format). */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}
