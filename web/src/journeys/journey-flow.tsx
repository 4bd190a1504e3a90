import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatInteger } from '../format';
import { Link } from '../router';
import type { JourneyStepCounts } from './journeys-api';
import { journeyEdges } from './journey-edges';
import { layoutJourney, type JourneyLayout } from './journey-layout';
import { describeStep } from './trigger-summary';

/**
 * A journey's steps drawn as a graph, top to bottom: each step a card with what it does and
 * its live counts (entered, at it now, converted), split arms with their own counts, and the
 * ways between steps as arrows labelled with what takes a run there (a branch's case or
 * `otherwise`, a split arm, the awaited event or its timeout). The cards are measured once
 * rendered, laid out (`layoutJourney`), and placed before the browser paints.
 */
export function JourneyFlow({ steps }: { steps: JourneyStepCounts[] }) {
  const edges = useMemo(() => journeyEdges(steps), [steps]);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const [layout, setLayout] = useState<JourneyLayout | null>(null);
  // Counts change on every reload; the drawing only when steps, arms or ways do.
  const shape = JSON.stringify([steps.map((s) => [s.id, s.arms.length]), edges]);
  useLayoutEffect(() => {
    const sizes = new Map(steps.map((s) => {
      const card = cards.current.get(s.id);
      return [s.id, { width: card?.offsetWidth ?? 260, height: card?.offsetHeight ?? 110 }] as const;
    }));
    setLayout(layoutJourney(steps.map((s) => s.id), sizes, edges));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for steps and edges
  }, [shape]);

  return (
    <div className="journey-graph-scroll">
      <div className="journey-graph" style={layout ? { width: layout.width, height: layout.height } : undefined}>
        {layout && (
          <svg className="journey-edges" width={layout.width} height={layout.height} aria-hidden="true">
            <defs>
              <marker id="journey-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" />
              </marker>
            </defs>
            {layout.edges.map(({ edge, path, label }) => (
              <g key={`${edge.from}>${edge.to}`} data-edge={`${edge.from}>${edge.to}`}>
                <path d={path} markerEnd="url(#journey-arrow)" />
                {label && (
                  <text x={label.x} y={label.y} dominantBaseline="middle" textAnchor="middle">
                    {edge.label}
                  </text>
                )}
              </g>
            ))}
          </svg>
        )}
        <ol className={layout ? 'journey-flow journey-flow-placed' : 'journey-flow'} aria-label="Steps">
          {steps.map((step) => {
            const at = layout?.steps.get(step.id);
            return (
              <li
                key={step.id}
                ref={(card) => {
                  if (card) cards.current.set(step.id, card);
                  else cards.current.delete(step.id);
                }}
                className={`journey-step journey-step-${step.kind}`}
                data-step={step.id}
                style={at ? { left: at.left, top: at.top } : undefined}
              >
                <div className="journey-step-card">
                  <div className="journey-step-head">
                    <span className="journey-step-kind">{step.kind}</span>
                    <span className="journey-step-id">{step.id}</span>
                  </div>
                  <div className="journey-step-what">
                    {template(step) ? (
                      <>
                        {step.kind === 'email' ? 'e-mail' : 'in-app'} <Link to={`/templates/${encodeURIComponent(template(step)!)}`}>{template(step)}</Link>
                        {transactional(step) && (
                          <span className="journey-step-transactional" title="sent past unsubscribes, quiet hours and the frequency cap; never to a bounced address">
                            transactional
                          </span>
                        )}
                      </>
                    ) : (
                      describeStep(step.step as Record<string, unknown>)
                    )}
                  </div>
                  <dl className="journey-step-counts">
                    <div>
                      <dt>entered</dt>
                      <dd data-count="entered">{formatInteger(step.entered)}</dd>
                    </div>
                    <div>
                      <dt>here now</dt>
                      <dd data-count="now">{formatInteger(step.now)}</dd>
                    </div>
                    <div>
                      <dt>converted</dt>
                      <dd data-count="converted">{formatInteger(step.converted)}</dd>
                    </div>
                  </dl>
                  {step.arms.length > 0 && (
                    <ul className="journey-arms">
                      {step.arms.map((arm) => (
                        <li key={arm.armId}>
                          arm <b>{arm.armId}</b>: {formatInteger(arm.entered)} entered, {formatInteger(arm.converted)} converted
                        </li>
                      ))}
                    </ul>
                  )}
                  {step.next.length > 0 && <span className="journey-step-goes">goes to {step.next.join(', ')}</span>}
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

/** Whether an e-mail step sends transactional mail. */
function transactional(step: JourneyStepCounts): boolean {
  return (step.step as { email?: { transactional?: boolean } }).email?.transactional === true;
}

/** The template a message step sends, if it is one. */
function template(step: JourneyStepCounts): string | undefined {
  const body = step.step as { email?: { template: string }; inApp?: { template: string } };
  return body.email?.template ?? body.inApp?.template;
}
