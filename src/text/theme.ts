/**
 * The full page's theme control (src/ui/app/ThemeChoice.tsx): loaded after the first view, with
 * it. One name for each theme of src/link/view.ts (the component's types check it).
 */
export const THEME_CHOICE = {
  label: "Colours",
  names: {
    auto: "As your system's (auto)",
    light: "Light",
    dark: "Dark",
  },
} as const;
