import * as React from "react";
import { configure, render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

// The machine is shared: give findBy* room rather than fail on a slow tick.
configure({ asyncUtilTimeout: 10_000 });

/** A user whose actions do not wait between keystrokes (Fluent in jsdom is slow enough). */
export const user = userEvent.setup({ delay: null });

/** Renders inside FluentProvider as the pane does. */
export function renderPane(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
