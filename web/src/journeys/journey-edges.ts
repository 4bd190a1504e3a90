/** What the edges are read from: a step's id and its definition (a `JourneyStepCounts` has both). */
export interface StepDefinition {
  id: string;
  step: object;
}

/** One way from a step to another, with what takes a run that way ("case 1", "otherwise", an arm, "timeout"). */
export interface JourneyEdge {
  from: string;
  to: string;
  /** Empty for the plain way on to the next step. */
  label: string;
}

/**
 * The ways between a journey's steps, read from each step's definition: a branch's cases and
 * its `otherwise`, a split's arms, a wait for an event and its timeout, and otherwise `next`
 * or the step below. Two ways between the same steps are drawn as one, with both labels.
 */
export function journeyEdges(steps: readonly StepDefinition[]): JourneyEdge[] {
  const edges = new Map<string, JourneyEdge>();
  const add = (from: string, to: string | undefined, label: string) => {
    if (to === undefined) return;
    const key = `${from}\u0000${to}`;
    const known = edges.get(key);
    if (known) known.label = [known.label, label].filter(Boolean).join(', ');
    else edges.set(key, { from, to, label });
  };
  steps.forEach((step, index) => {
    const body = step.step as Record<string, unknown>;
    const onward = (body['next'] as string | undefined) ?? steps[index + 1]?.id;
    const branch = body['branch'] as { cases: { next: string }[]; otherwise: string } | undefined;
    const split = body['split'] as { arms: { id: string; weight: number; next: string }[] } | undefined;
    const wait = body['wait'] as { event?: { name: string }; onTimeout?: string } | undefined;
    if (branch) {
      branch.cases.forEach((c, i) => add(step.id, c.next, branch.cases.length === 1 ? 'when' : `case ${i + 1}`));
      add(step.id, branch.otherwise, 'otherwise');
    } else if (split) {
      for (const arm of split.arms) add(step.id, arm.next, arm.id);
    } else if (wait?.event) {
      add(step.id, onward, wait.event.name);
      add(step.id, wait.onTimeout, 'timeout');
    } else if (!('exit' in body)) {
      add(step.id, onward, '');
    }
  });
  // Only ways to steps that exist: a definition in force never names others, but a graph must not break on one.
  const ids = new Set(steps.map((s) => s.id));
  return [...edges.values()].filter((e) => ids.has(e.to));
}
