// ESLint 9 flat config. The layering rule keeps dependencies pointing one way:
// taskpane -> office -> workbook -> engine, and cli -> xlsx -> workbook -> engine.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";

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

function layerRule(layer) {
  const banned = layerBans[layer];
  const patterns = [
    {
      group: banned.flatMap((b) => [`../${b}`, `../${b}/*`, `../../${b}`, `../../${b}/*`, `../../../${b}/*`]),
      message: `src/${layer} must not import from ${banned.join(", ")}: dependencies point taskpane -> office -> workbook -> engine and cli -> xlsx -> workbook -> engine.`,
    },
  ];
  const externals = externalBans[layer];
  if (externals) {
    patterns.push({
      group: externals,
      message: `src/${layer} is pure: no UI, Office, file or platform libraries here.`,
    });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": ["error", { patterns }],
      "no-restricted-globals":
        layer === "engine" ? ["error", "Excel", "Office", "window", "document"] : "off",
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**"] },
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
