/** @jest-environment jsdom */
import * as React from "react";
import { act, screen } from "@testing-library/react";
import { NoScorecardError } from "../../src/taskpane/port";
import { RIBBON_TAB_KEY } from "../../src/taskpane/ribbon";
import { App, tabFromSearch } from "../../src/taskpane/App";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isOfficeDark, luminance, pickTheme } from "../../src/taskpane/theme";
import { FakePort } from "./fakePort";
import { renderPane, user } from "./render";

describe("task pane shell", () => {
  it.each([
    ["?tab=targets", "targets"],
    ["?tab=review", "review"],
    ["?tab=prorate", "targets"],
    ["?tab=check", "review"],
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
    screen.getByRole("tab", { name: "Targets" }).focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "Split a program target" })).toBeInTheDocument();
    screen.getByRole("tab", { name: "Review" }).focus();
    await user.keyboard(" ");
    expect(await screen.findByRole("heading", { name: "Review progress" })).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", "tab-review");
  });

  it("lists the tabs from the one registry, in order", async () => {
    renderPane(<App port={new FakePort()} />);
    await screen.findByRole("heading", { name: "Start a scorecard" });
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.id)).toEqual([
      "tab-start",
      "tab-targets",
      "tab-review",
      "tab-flags",
      "tab-share",
    ]);
    ["Start", "Targets", "Review", "Flags", "Share"].forEach((name, i) =>
      expect(tabs[i]).toBe(screen.getByRole("tab", { name })),
    );
  });

  it("selects the tab a ribbon button asks for in an open pane", async () => {
    renderPane(<App port={new FakePort()} />);
    await screen.findByRole("heading", { name: "Start a scorecard" });
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: RIBBON_TAB_KEY, newValue: "review@1" }));
    });
    expect(await screen.findByRole("heading", { name: "Review progress" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Review" })).toHaveAttribute("aria-selected", "true");
  });

  it("selects the tab through Office.actions in a shared runtime", async () => {
    const actions = new Map<string, (e?: { completed(): void }) => void>();
    const showAsTaskpane = jest.fn(async () => undefined);
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = {
      actions: { associate: (name: string, f: never) => actions.set(name, f) },
      addin: { showAsTaskpane },
    };
    try {
      renderPane(<App port={new FakePort()} />);
      await screen.findByRole("heading", { name: "Start a scorecard" });
      const completed = jest.fn();
      act(() => actions.get("showFlags")!({ completed }));
      expect(await screen.findByRole("heading", { name: "Review flags" })).toBeInTheDocument();
      expect(completed).toHaveBeenCalled();
      expect(showAsTaskpane).toHaveBeenCalled();
    } finally {
      delete g.Office;
    }
  });

  it("leads from an empty tab to Start", async () => {
    const port = new FakePort();
    port.failures.runCheck = new NoScorecardError();
    renderPane(<App port={port} initialTab="review" />);
    await user.click(await screen.findByRole("button", { name: "Start a scorecard" }));
    expect(await screen.findByRole("heading", { name: "Start a scorecard" })).toBeInTheDocument();
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
