// Lint: the recommended JavaScript and TypeScript rules, and eslint-plugin-solid, which catches
// lost reactivity (destructured props, signals read outside a tracking scope).
import js from "@eslint/js";
import solid from "eslint-plugin-solid/configs/typescript";
import tseslint from "typescript-eslint";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

/**
 * One config per layer folder: its files may not import the listed folders (by path segment, so
 * "../state/x.ts" and "../../state/x.ts" alike), and nothing in src/ calls a test hook.
 */
function layers(forbidden) {
  return Object.entries(forbidden).map(([files, folders]) => ({
    files: [files.replace(/\*\*$/, "**/*.{ts,tsx}")],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\.?/",
              importNamePattern: "ForTests$",
              message: "Only tests call *ForTests functions; give the app its own (e.g. a reload).",
            },
            ...folders.map((folder) => ({
              regex: `^(\\.\\.?/)+${folder}/`,
              message: `${files.slice(4, -3)}/ may not import ${folder}/: see the layers in docs/ARCHITECTURE.md.`,
            })),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      "dist*/**",
      "bench/.work/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}"],
    ...solid,
    languageOptions: { parser: tseslint.parser, parserOptions: { project: false } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // TypeScript already checks names; Solid's `let el; <div ref={el}>` assigns in JSX.
      "no-undef": "off",
      "no-unassigned-vars": "off",
    },
  },
  // The layers, and which way imports go (docs/ARCHITECTURE.md): shell → pages → features →
  // components; pages and features read state/, state/ writes through storage/; catalog/ is the
  // publication's pure data and imports nothing of the app. One entry per folder, because a later
  // `no-restricted-imports` replaces an earlier one for the same file instead of adding to it.
  ...layers({
    "src/catalog/**": ["state", "storage", "shell", "pages", "features", "components"],
    "src/storage/**": ["state", "shell", "pages", "features", "components"],
    "src/state/**": ["shell", "pages", "features", "components"],
    "src/components/**": ["state", "storage", "shell", "pages", "features"],
    "src/features/**": ["shell", "pages"],
    "src/pages/**": ["shell"],
    "src/shell/**": [],
  }),
  {
    // No import cycle anywhere in the app, lazy `import()` included: a cycle makes the order in
    // which modules start depend on which one a page happens to load first.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx"] })],
      // Without a parser for .ts/.tsx the rule cannot read a file's imports and sees no cycle.
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/extensions": [".ts", ".tsx"],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Plain modules (stores, editors) read signals in promise callbacks on purpose: the rule is
    // for components, where a read outside a tracked scope is the bug it catches.
    files: [
      "src/state/**/*.ts",
      "src/features/**/*.ts",
      "src/shell/**/*.ts",
      "src/storage/**/*.ts",
    ],
    rules: { "solid/reactivity": "off" },
  },
);
