import * as React from "react";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of "#rrggbb" (0 black .. 1 white), or undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether Office's theme is dark: from its body background colour. */
export function isOfficeDark(officeTheme: { bodyBackgroundColor?: string } | undefined): boolean | undefined {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l === undefined ? undefined : l < 0.5;
}

/** The Fluent theme to use: Office's when it tells us, otherwise the browser's colour scheme. */
export function pickTheme(): Theme {
  let dark: boolean | undefined;
  try {
    if (typeof Office !== "undefined") dark = isOfficeDark(Office.context?.officeTheme);
  } catch {
    // Office.context throws before onReady or outside a host: fall back to the browser.
    dark = undefined;
  }
  if (dark === undefined && typeof window !== "undefined" && typeof window.matchMedia === "function") {
    dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  return dark ? webDarkTheme : webLightTheme;
}

/**
 * The theme to render with, re-read when it may have changed: Office has no theme-changed event
 * in Excel, so the pane checks again whenever it regains focus or visibility; in a browser it
 * follows prefers-color-scheme live.
 */
export function useOfficeTheme(): Theme {
  const [theme, setTheme] = React.useState<Theme>(() => pickTheme());
  React.useEffect(() => {
    const update = (): void => setTheme(pickTheme());
    const media =
      typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : undefined;
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", update);
    media?.addEventListener?.("change", update);
    return () => {
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", update);
      media?.removeEventListener?.("change", update);
    };
  }, []);
  return theme;
}
