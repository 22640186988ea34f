// @ts-check
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["**/dist/", "node_modules/", "playwright-report/", "test-results/", "coverage/"]),

  // Plain JavaScript (this file, scripts/*.mjs): recommended rules, no type information.
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { ...globals.node },
    },
  },

  // TypeScript everywhere (src, e2e, bench, scripts, config files): type-aware strict rules.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      reactHooks.configs.flat.recommended,
    ],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  // Browser globals for the app, Node globals for code that runs under Node.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/cli/**", "bench/**", "e2e/**", "scripts/**", "*.config.ts"],
    languageOptions: { globals: { ...globals.node } },
  },

  // Must stay last: turns off rules that conflict with Prettier.
  prettier,
);
