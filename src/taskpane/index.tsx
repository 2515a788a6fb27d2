import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

/** Resolves with the Office host name, or null when the page runs outside Office (or Office.js could not load). */
function waitForOffice(): Promise<string | null> {
  if (typeof Office === "undefined") return Promise.resolve(null);
  return new Promise((resolve) => {
    // onReady never settles if office.js loaded but no host answers; a plain browser answers quickly with host null.
    const timer = window.setTimeout(() => resolve(null), 3000);
    Office.onReady((info) => {
      window.clearTimeout(timer);
      resolve(info.host ? String(info.host) : null);
    });
  });
}

function OutsideOffice(): React.JSX.Element {
  return (
    <main style={{ padding: 12, fontFamily: "Segoe UI, sans-serif" }}>
      <h1 style={{ fontSize: 18 }}>Yardstick</h1>
      <p>Open this in Excel: Home tab, Yardstick. This browser preview uses an in-memory workbook.</p>
    </main>
  );
}

void waitForOffice().then(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <OutsideOffice />
    </FluentProvider>,
  );
});
