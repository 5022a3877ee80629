/**
 * The step budget that bounds a run: every command, loop iteration and function call
 * costs one step, so a runaway loop stops with a clear message instead of hanging the
 * browser tab.
 */
export const DEFAULT_STEP_BUDGET = 200_000;

export class StepBudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(`step budget of ${budget} exceeded`);
    this.name = 'StepBudgetExceeded';
  }
}

export class StepBudget {
  private used = 0;
  constructor(readonly limit = DEFAULT_STEP_BUDGET) {}

  step(n = 1): void {
    this.used += n;
    if (this.used > this.limit) throw new StepBudgetExceeded(this.limit);
  }

  get steps(): number {
    return this.used;
  }
}
