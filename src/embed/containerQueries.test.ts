import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { containerQueries } from "./containerQueries";

describe("containerQueries", () => {
  it.each([
    ["@media (max-width: 52rem) {", "@container (max-width: 52rem) {"],
    ["@media (width<=30rem){", "@container (width<=30rem) {"],
    ["@media (min-width: 40em) {", "@container (min-width: 40em) {"],
  ])("turns the width query %s into a container query", (before, after) => {
    expect(containerQueries(`${before} .a { color: red } }`)).toBe(`${after} .a { color: red } }`);
  });

  it.each([
    "@media (prefers-reduced-motion: reduce) {",
    "@media (width>=100rem) and (height>=60rem){",
    "@media (min-width: 100rem) and (min-height: 60rem) {",
    "@media print {",
  ])("leaves %s a media query", (query) => {
    const css = `${query} .a { color: red } }`;
    expect(containerQueries(css)).toBe(css);
  });

  it("leaves no width-only media query in the page's own sheet", () => {
    const css = readFileSync(new URL("../ui/app.css", import.meta.url), "utf8");
    const converted = containerQueries(css);
    const widthOnly =
      css.match(/@media \((?:(?:max|min)-width|width [<>])[^)]*\) \{/g)?.length ?? 0;
    expect(widthOnly).toBeGreaterThan(0);
    expect(converted.match(/@container/g)?.length).toBe(widthOnly);
    expect(converted).not.toMatch(/@media \((max|min)-width: [\d.]+rem\) \{/);
  });
});
