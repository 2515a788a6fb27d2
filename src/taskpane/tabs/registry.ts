/**
 * The pane's one tab registry: each tab's short label, its ribbon-friendly id, and its code,
 * loaded when the tab is first opened so the pane's first load stays small. A tab is one id in
 * port.ts's TAB_IDS and one entry here.
 */
import * as React from "react";
import type { TabId, YardstickPort } from "../port";

export interface TabProps {
  port: YardstickPort;
}

export interface TabDef {
  label: string;
  Component: React.LazyExoticComponent<React.ComponentType<TabProps>>;
}

export const TABS: Record<TabId, TabDef> = {
  start: {
    label: "Start",
    Component: React.lazy(() => import(/* webpackChunkName: "tab-start" */ "./StartTab")),
  },
  targets: {
    label: "Targets",
    Component: React.lazy(() => import(/* webpackChunkName: "tab-targets" */ "./TargetsTab")),
  },
  review: {
    label: "Review",
    Component: React.lazy(() => import(/* webpackChunkName: "tab-review" */ "./ReviewTab")),
  },
  flags: {
    label: "Flags",
    Component: React.lazy(() => import(/* webpackChunkName: "tab-flags" */ "./FlagsTab")),
  },
  share: {
    label: "Share",
    // Its writer and reader (src/xlsx) load later still, in their own chunk, on first use.
    Component: React.lazy(() => import(/* webpackChunkName: "tab-share" */ "../share/ShareTab")),
  },
};

/** Ids the first pass used in ribbon URLs (?tab=prorate), still honoured. */
export const TAB_ALIASES: Record<string, TabId> = { prorate: "targets", check: "review" };
