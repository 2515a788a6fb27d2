/** The template catalogue. */
import { balancedScorecardTemplate } from "./balancedScorecard";
import { childSupportTemplate } from "./childSupport";
import { cityServicesTemplate } from "./cityServices";
import type { PlanText, TemplateDef, TemplateId } from "./types";

export * from "./types";

/** A Plan sheet with nothing typed yet (fresh arrays each call). */
export function emptyPlanText(): PlanText {
  return {
    mission: "",
    deficit: "",
    target: "",
    theoryOfChange: "",
    swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] },
    goals: [],
  };
}

const blankTemplate: TemplateDef = {
  id: "blank",
  title: "Blank scorecard",
  description: "Empty tables with every sheet, formula and check in place: type your own measures and units.",
  fyStartMonth: 7,
  plan: emptyPlanText(),
  measures: [],
  units: [],
};

export const TEMPLATES: Record<TemplateId, TemplateDef> = {
  "child-support": childSupportTemplate,
  "city-services": cityServicesTemplate,
  "balanced-scorecard": balancedScorecardTemplate,
  blank: blankTemplate,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

/** The template for an id. Throws a RangeError naming the known ids otherwise. */
export function getTemplate(id: string): TemplateDef {
  const t = (TEMPLATES as Record<string, TemplateDef | undefined>)[id];
  if (!t) throw new RangeError(`Unknown template "${id}". Known templates: ${TEMPLATE_IDS.join(", ")}.`);
  return t;
}
