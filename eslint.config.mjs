// ESLint 9 flat config. The layering rule keeps dependencies pointing one way:
// taskpane -> office -> workbook -> engine, and cli -> xlsx -> workbook -> engine.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Which layers each layer may not import. Exported for the test that proves the rule bites. */
export const layerBans = {
  engine: ["workbook", "office", "xlsx", "taskpane", "commands", "cli"],
  workbook: ["office", "xlsx", "taskpane", "commands", "cli"],
  xlsx: ["office", "taskpane", "commands", "cli"],
  office: ["xlsx", "taskpane", "commands", "cli"],
  taskpane: ["xlsx", "cli", "commands"],
  commands: ["xlsx", "cli", "taskpane"],
  cli: ["office", "taskpane", "commands"],
};

const externalBans = {
  engine: ["react", "react-dom", "@fluentui/*", "exceljs", "hyperformula", "node:*", "fs", "path"],
  workbook: ["react", "react-dom", "@fluentui/*", "exceljs", "node:*", "fs", "path"],
};

/**
 * The one exception to the bans: the pane's Share tab writes office copies and reads returned
 * files with src/xlsx, which it may load only lazily (import(), its own chunk, so the first load
 * stays small) and only from src/taskpane/share/. A static import from the pane stays an error.
 */
export const lazyExceptions = [{ from: "src/taskpane/share/", to: "xlsx" }];

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(ROOT, "src");

/**
 * Resolves every relative import (static, `export ... from`, dynamic `import()`, `require`) against
 * the importing file and judges where it lands, so depth does not matter: `../../../office` from
 * src/engine/a/b/ is caught, and src/cli/x/y.ts importing `../commands/z` (src/cli/commands) is not.
 * Nothing under src/ may reach outside it: tests import src, never the reverse (the pane's bundle
 * would ship whatever src pulls in).
 */
const oneWay = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      layer:
        "src/{{from}} must not import from src/{{to}} ({{source}}): dependencies point taskpane -> office -> workbook -> engine and cli -> xlsx -> workbook -> engine (the pane reaches src/xlsx only by import() from src/taskpane/share/).",
      tests:
        "src/ must not import from tests/ ({{source}}): tests may import src, never the reverse; move what src needs into src.",
      outside:
        "src/ must not import from outside src/ ({{source}} is {{to}}): the shipped code is only what lives in src.",
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const fromRel = path.relative(SRC, file).split(path.sep);
    if (fromRel[0] === ".." || path.isAbsolute(fromRel[0])) return {};
    const from = fromRel[0];
    const banned = new Set(layerBans[from] ?? []);
    const fileRel = fromRel.join("/");
    const lazyAllowed = (to) =>
      lazyExceptions.some((e) => e.to === to && `src/${fileRel}`.startsWith(e.from));
    const check = (node, dynamic = false) => {
      const source = node && node.type === "Literal" ? node.value : undefined;
      if (typeof source !== "string" || !(source.startsWith(".") || path.isAbsolute(source))) return;
      const target = path.resolve(path.dirname(file), source);
      const inSrc = path.relative(SRC, target).split(path.sep);
      if (inSrc[0] !== ".." && !path.isAbsolute(inSrc[0])) {
        if (banned.has(inSrc[0]) && !(dynamic && lazyAllowed(inSrc[0])))
          context.report({ node, messageId: "layer", data: { from, to: inSrc[0], source } });
        return;
      }
      const inRoot = path.relative(ROOT, target).split(path.sep);
      if (inRoot[0] === "tests") context.report({ node, messageId: "tests", data: { source } });
      else context.report({ node, messageId: "outside", data: { source, to: inRoot.join("/") } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source, true),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require") check(node.arguments[0]);
      },
    };
  },
};

function layerRule(layer) {
  const externals = externalBans[layer];
  const patterns = externals
    ? [{ group: externals, message: `src/${layer} is pure: no UI, Office, file or platform libraries here.` }]
    : [];
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": patterns.length ? ["error", { patterns }] : "off",
      "no-restricted-globals":
        layer === "engine" ? ["error", "Excel", "Office", "window", "document"] : "off",
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "office-addins": officeAddins },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-office-initialize": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { yardstick: { rules: { "one-way": oneWay } } },
    rules: { "yardstick/one-way": "error" },
  },
  ...Object.keys(layerBans).map(layerRule),
  {
    files: ["tests/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    // Node scripts and configs in CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        setTimeout: "readonly",
        URL: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { globals: { console: "readonly" } },
  },
);
