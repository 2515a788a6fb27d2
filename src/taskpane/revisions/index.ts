/** The revision log's pane parts: mount RevisionPanel on the Review tab, TargetHistory beside a status. */
export { RevisionPanel, type RevisionPanelProps } from "./RevisionPanel";
export { ReasonPrompt, PICKABLE_REASONS, changeLine, type ReasonPromptProps } from "./ReasonPrompt";
export { TargetHistory, historyLine } from "./TargetHistory";
export * from "./port";
