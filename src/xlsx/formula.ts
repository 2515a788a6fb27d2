/**
 * Formula text as it must be stored in an .xlsx file so that Excel 2016+, Excel on the web and
 * LibreOffice all recompute it:
 * - no leading "=" (the file format stores the bare expression);
 * - `[@Col]` is Excel's display shorthand; files must say `Table[[#This Row],[Col]]`
 *   (LibreOffice reads the shorthand as #NAME?);
 * - functions newer than Excel 2007 carry the `_xlfn.` prefix in the file;
 * - functions a 2016 perpetual licence or LibreOffice lacks are refused outright.
 */
import { XlsxPlanError } from "./errors";

/** Not in Excel 2016 perpetual, Excel on the web or LibreOffice 7: a recipient would see #NAME?. */
export const BANNED_FUNCTIONS: ReadonlySet<string> = new Set([
  "LET",
  "LAMBDA",
  "MAP",
  "REDUCE",
  "SCAN",
  "BYROW",
  "BYCOL",
  "MAKEARRAY",
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "RANDARRAY",
  "VSTACK",
  "HSTACK",
  "TAKE",
  "DROP",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "TOCOL",
  "TOROW",
  "WRAPROWS",
  "WRAPCOLS",
  "EXPAND",
  "TEXTSPLIT",
  "TEXTBEFORE",
  "TEXTAFTER",
  "IFS",
  "MAXIFS",
  "MINIFS",
  "SWITCH",
  "TEXTJOIN",
  "CONCAT",
  "FORECAST.ETS",
  "FORECAST.ETS.CONFINT",
  "FORECAST.ETS.SEASONALITY",
  "FORECAST.ETS.STAT",
]);

/** Functions added in Excel 2010/2013 that the file format stores as `_xlfn.NAME`. */
const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  "AGGREGATE",
  "CEILING.PRECISE",
  "FLOOR.PRECISE",
  "CHISQ.DIST",
  "CHISQ.INV",
  "CHISQ.TEST",
  "CONFIDENCE.NORM",
  "CONFIDENCE.T",
  "COVARIANCE.P",
  "COVARIANCE.S",
  "EXPON.DIST",
  "F.DIST",
  "F.INV",
  "F.TEST",
  "GAMMA.DIST",
  "GAMMA.INV",
  "HYPGEOM.DIST",
  "LOGNORM.DIST",
  "LOGNORM.INV",
  "MODE.MULT",
  "MODE.SNGL",
  "NEGBINOM.DIST",
  "NETWORKDAYS.INTL",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "PERCENTRANK.EXC",
  "PERCENTRANK.INC",
  "POISSON.DIST",
  "QUARTILE.EXC",
  "QUARTILE.INC",
  "RANK.AVG",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "T.DIST",
  "T.DIST.2T",
  "T.DIST.RT",
  "T.INV",
  "T.INV.2T",
  "T.TEST",
  "VAR.P",
  "VAR.S",
  "WEIBULL.DIST",
  "WORKDAY.INTL",
  "Z.TEST",
  "IFNA",
  "DAYS",
  "ISOWEEKNUM",
  "XOR",
  "FORECAST.LINEAR",
]);

/** Where a formula sits, for error messages and for resolving `[@Col]`. */
export interface FormulaContext {
  sheet: string;
  address: string;
  /** The table whose row holds the formula, if any. */
  table?: string;
}

/** Split a formula into code and literal pieces so rewrites never touch "strings" or 'sheet names'. */
function splitLiterals(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  let i = 0;
  let start = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      if (i > start) parts.push({ code: true, text: text.slice(start, i) });
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch && text[j + 1] === ch) j += 2;
        else if (text[j] === ch) break;
        else j += 1;
      }
      parts.push({ code: false, text: text.slice(i, j + 1) });
      i = j + 1;
      start = i;
    } else {
      i += 1;
    }
  }
  if (start < text.length) parts.push({ code: true, text: text.slice(start) });
  return parts;
}

const THIS_ROW = /([A-Za-z_\\][A-Za-z0-9_.]*)?\[@(\[[^\]]*\]|[^[\]]*)\]/g;
const FUNCTION_CALL = /(?<![A-Za-z0-9_.\]])(?:_xlfn\.)?([A-Za-z][A-Za-z0-9_.]*)\s*\(/g;

function expandThisRow(code: string, ctx: FormulaContext): string {
  return code.replace(THIS_ROW, (_all, table: string | undefined, inner: string) => {
    const tableName = table ?? ctx.table;
    if (!tableName) {
      throw new XlsxPlanError(
        `"[@${inner}]" refers to "this row" outside a table; name the table`,
        ctx.sheet,
        ctx.address,
      );
    }
    const column = inner.startsWith("[") ? inner : `[${inner}]`;
    return `${tableName}[[#This Row],${column}]`;
  });
}

function vetFunctions(code: string, ctx: FormulaContext): string {
  return code.replace(FUNCTION_CALL, (_all, name: string) => {
    const upper = name.toUpperCase();
    if (BANNED_FUNCTIONS.has(upper)) {
      throw new XlsxPlanError(
        `${upper} is not available in Excel 2016, Excel on the web or LibreOffice; use classic functions (SUMIFS, INDEX/MATCH, SUMPRODUCT, IFERROR)`,
        ctx.sheet,
        ctx.address,
      );
    }
    const prefix = XLFN_FUNCTIONS.has(upper) ? "_xlfn." : "";
    return `${prefix}${upper}(`;
  });
}

/**
 * The text to store for a plan formula.
 * @example toFileFormula("=[@Actual]-[@Target]", { sheet: "Data", address: "E2", table: "tblObs" })
 *   // "tblObs[[#This Row],[Actual]]-tblObs[[#This Row],[Target]]"
 */
export function toFileFormula(formula: string, ctx: FormulaContext): string {
  const body = formula.trim().replace(/^=/, "");
  if (body.length === 0) throw new XlsxPlanError("empty formula", ctx.sheet, ctx.address);
  return splitLiterals(body)
    .map((part) => (part.code ? vetFunctions(expandThisRow(part.text, ctx), ctx) : part.text))
    .join("");
}

/** The names of the functions a formula calls, upper case, without `_xlfn.`; for audits in tests. */
export function functionsIn(formula: string): string[] {
  const names: string[] = [];
  for (const part of splitLiterals(formula.replace(/^=/, ""))) {
    if (!part.code) continue;
    for (const match of part.text.matchAll(FUNCTION_CALL)) names.push(match[1].toUpperCase());
  }
  return names;
}
