import * as React from "react";
import { configure, render, type RenderResult } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

// The machine is shared: give findBy* room rather than fail on a slow tick.
configure({ asyncUtilTimeout: 10_000 });
// A whole pane test in jsdom is mostly getComputedStyle through Fluent's stylesheets (popover
// positioning, the is-it-hidden walk of ByRole queries): 13-36 s for the longest Targets test
// here, depending on the load, which once passed the 60 s default at a load of 10. The tests
// assert what a user notices, not how fast jsdom is; speed lives in the benchmarks and in the
// Chromium end-to-end tests' load figures.
jest.setTimeout(180_000);

/**
 * A user whose actions do not wait between keystrokes (Fluent in jsdom is slow enough) and do not
 * compute `pointer-events` up the tree before each click, for the same reason.
 */
export const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });

/** Renders inside FluentProvider as the pane does. */
export function renderPane(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
