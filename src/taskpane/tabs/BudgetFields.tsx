import * as React from "react";
import { Checkbox, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import type { BudgetBasisChoice } from "../port";
import { formatCents } from "../format";
import { BUDGET_BASES, budgetOffered, budgetOnSheet } from "./budgetForm";
import type { ProrateForm, ProrateFields, ProblemField } from "./prorateForm";
import type { FieldProblem } from "./measureInput";
import { useTabStyles } from "./styles";

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * "Also split a budget" on the Targets tab: shown only where the workbook has a Budget sheet and
 * the measure's results can be counted. The preview then adds each unit's budget and planned cost
 * per result, and the write fills tblBudget's Budget (and FTE) for the fiscal year.
 */
export function BudgetFields({
  form,
  problems,
  edit,
}: {
  form: ProrateForm;
  problems: Partial<Record<ProblemField, FieldProblem>>;
  edit: <K extends keyof ProrateFields>(field: K, value: ProrateFields[K]) => void;
}): React.JSX.Element | null {
  const styles = useTabStyles();
  if (!budgetOffered(form)) return null;
  const onSheet = budgetOnSheet(form);
  const fy = form.fiscalYearText.trim();
  const typed = (text: string, problem?: FieldProblem) => (text.trim() === "" ? undefined : problem?.message);
  return (
    <section className={styles.stack} aria-label="Budget">
      <Checkbox
        checked={form.budgetOn}
        onChange={(_, d) => edit("budgetOn", d.checked === true)}
        label={{
          children: (
            <>
              <strong>Also split a budget</strong>:{" "}
              <span className={styles.hint}>
                each unit&apos;s budget goes on the Budget sheet with its target.
              </span>
            </>
          ),
        }}
      />
      {form.budgetOn ? (
        <>
          <Field
            label="Program budget ($)"
            hint={[
              onSheet.cents !== undefined
                ? `On the Budget sheet for FY${fy}: ${formatCents(onSheet.cents)}.`
                : "",
              "Unit budgets add up to it exactly, to the cent.",
            ]
              .filter(Boolean)
              .join(" ")}
            validationMessage={typed(form.budgetText, problems.budget)}
          >
            <Input
              inputMode="decimal"
              value={form.budgetText}
              onChange={(_, d) => edit("budgetText", d.value)}
            />
          </Field>
          <Field label="Split the money">
            <RadioGroup
              value={form.budgetBasis}
              onChange={(_, d) => edit("budgetBasis", d.value as BudgetBasisChoice)}
            >
              {BUDGET_BASES.map((b) => (
                <Radio
                  key={b.id}
                  value={b.id}
                  label={{
                    children: (
                      <>
                        <strong>{b.label}</strong>: <span className={styles.hint}>{b.explain}</span>
                      </>
                    ),
                  }}
                />
              ))}
            </RadioGroup>
          </Field>
          <Field
            label="Program staff (FTE, optional)"
            hint={[
              onSheet.fte !== undefined ? `On the Budget sheet: ${oneDecimal.format(onSheet.fte)} FTE.` : "",
              "Split with the money in 0.1 steps; blank leaves staff as they are.",
            ]
              .filter(Boolean)
              .join(" ")}
            validationMessage={typed(form.fteText, problems.fte)}
          >
            <Input inputMode="decimal" value={form.fteText} onChange={(_, d) => edit("fteText", d.value)} />
          </Field>
        </>
      ) : null}
    </section>
  );
}
