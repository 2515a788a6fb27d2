import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared layout for the tabs, sized for a 320-pixel pane. */
export const useTabStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  plainList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  card: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  spread: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  stateBadge: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  badges: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    gap: tokens.spacingVerticalXXS,
  },
  jump: { alignSelf: "flex-start", minHeight: "44px" },
  number: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  narrow: { width: "96px" },
  // Fluent's Input keeps a minimum width of its own; inside a narrow field it must not spill out.
  fill: { minWidth: 0, width: "100%" },
  // A unit's name as the button that opens its reason: left-aligned, full width of its cell.
  rowToggle: {
    justifyContent: "flex-start",
    textAlign: "left",
    minHeight: "44px",
    paddingLeft: 0,
    fontWeight: tokens.fontWeightRegular,
    maxWidth: "100%",
  },
  full: { width: "100%" },
});
