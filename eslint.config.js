// Lint: the recommended JavaScript and TypeScript rules, and eslint-plugin-solid, which catches
// lost reactivity (destructured props, signals read outside a tracking scope).
import js from "@eslint/js";
import solid from "eslint-plugin-solid/configs/typescript";
import tseslint from "typescript-eslint";

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
  {
    // Test hooks reset module state behind the app's back: the app itself never calls one.
    files: ["src/**/*.{ts,tsx}"],
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
          ],
        },
      ],
    },
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
