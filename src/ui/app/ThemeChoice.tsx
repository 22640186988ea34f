/**
 * The full page's choice of colours (docs/embedding.md, "Themes"): auto (the browser's light or
 * dark) unless the reader picks one. The choice is a view parameter like `present`: it goes into
 * the address (`theme=`), so a reload or a bookmark keeps it; auto leaves the address without it.
 * Not part of the first view: the page is coloured from the address before it is drawn
 * (src/main.tsx).
 */
import { useState } from "react";
import { readTheme, readView, THEMES } from "../../link/view";
import { THEME_CHOICE } from "../../text/theme";
import { applyTheme } from "../theme";

export default function ThemeChoice() {
  const [theme, setTheme] = useState(() => readView(window.location.href).theme);
  return (
    <p className="theme-choice">
      <label>
        {THEME_CHOICE.label}{" "}
        <select
          value={theme}
          onChange={(e) => {
            const chosen = readTheme(e.currentTarget.value) ?? "auto";
            setTheme(chosen);
            applyTheme(document.documentElement, chosen);
            const url = new URL(window.location.href);
            if (chosen === "auto") url.searchParams.delete("theme");
            else url.searchParams.set("theme", chosen);
            window.history.replaceState(window.history.state, "", url);
          }}
        >
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_CHOICE.names[t]}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
