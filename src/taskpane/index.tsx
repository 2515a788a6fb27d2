import * as React from "react";
import { createRoot } from "react-dom/client";
import { tabFromSearch } from "./App";
import { Root } from "./Root";

/**
 * Resolves with the Office host name, or null outside Office. Office.js comes from the CDN
 * script tag; when it could not load (no internet, plain browser) `Office` is undefined.
 */
function waitForOffice(): Promise<string | null> {
  if (typeof Office === "undefined") return Promise.resolve(null);
  return new Promise((resolve) => {
    // onReady answers quickly with host null in a plain browser; never wait forever for it.
    const timer = window.setTimeout(() => resolve(null), 3000);
    void Office.onReady((info) => {
      window.clearTimeout(timer);
      resolve(info.host ? String(info.host) : null);
    });
  });
}

void waitForOffice().then((host) => {
  const container =
    document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  createRoot(container).render(<Root host={host} tab={tabFromSearch(window.location.search)} />);
});
