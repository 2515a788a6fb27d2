/** @jest-environment jsdom */
import * as React from "react";
import { screen } from "@testing-library/react";
import { App, tabFromSearch } from "../../src/taskpane/App";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isOfficeDark, luminance, pickTheme } from "../../src/taskpane/theme";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

describe("task pane shell", () => {
  it.each([
    ["?tab=prorate", "prorate"],
    ["?tab=check", "check"],
    ["?tab=flags", "flags"],
    ["?tab=start", "start"],
    ["?tab=nonsense", "start"],
    ["", "start"],
  ])("opens %s on the %s tab", (search, tab) => {
    expect(tabFromSearch(search)).toBe(tab);
  });

  it("opens on the tab a ribbon button asked for", async () => {
    renderPane(<App port={new FakePort()} initialTab="flags" />);
    expect(await screen.findByRole("heading", { name: "Review flags" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Flags" })).toHaveAttribute("aria-selected", "true");
  });

  it("moves between jobs with the keyboard alone", async () => {
    renderPane(<App port={new FakePort()} />);
    expect(await screen.findByRole("heading", { name: "Start a scorecard" })).toBeInTheDocument();
    // jsdom cannot run Fluent's focus management for Tab; the e2e test tabs in from the page.
    screen.getByRole("tab", { name: "Prorate" }).focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "Prorate a target" })).toBeInTheDocument();
    screen.getByRole("tab", { name: "Check" }).focus();
    await user.keyboard(" ");
    expect(await screen.findByRole("heading", { name: "Check progress" })).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", "tab-check");
  });

  it.each([
    ["#ffffff", false],
    ["#1f1f1f", true],
    ["#262626", true],
    ["#f3f3f3", false],
  ])("treats an Office body colour %s as dark: %s", (color, dark) => {
    expect(isOfficeDark({ bodyBackgroundColor: color })).toBe(dark);
  });

  it("does not guess a theme from a colour it cannot read", () => {
    expect(luminance("red")).toBeUndefined();
    expect(isOfficeDark(undefined)).toBeUndefined();
  });

  describe("theme", () => {
    const g = globalThis as unknown as { Office?: unknown };
    afterEach(() => delete g.Office);

    it.each([
      ["#262626", webDarkTheme],
      ["#ffffff", webLightTheme],
    ])("renders Office's body colour %s with the matching Fluent theme", (color, theme) => {
      g.Office = { context: { officeTheme: { bodyBackgroundColor: color } } };
      expect(pickTheme()).toBe(theme);
    });

    it("falls back to the browser's scheme when Office cannot say", () => {
      g.Office = {
        get context(): never {
          throw new Error("Office.context is not available before onReady");
        },
      };
      window.matchMedia = ((q: string) => ({
        matches: q.includes("dark"),
      })) as unknown as typeof window.matchMedia;
      expect(pickTheme()).toBe(webDarkTheme);
    });
  });
});
