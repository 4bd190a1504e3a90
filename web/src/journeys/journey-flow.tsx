import { formatInteger } from '../format';
import { Link } from '../router';
import type { JourneyStepCounts } from './journeys-api';
import { describeStep } from './trigger-summary';

/**
 * A journey's steps as a flow from top to bottom: each step with what it does and its live
 * counts (entered, at it now, converted); where a step goes elsewhere than the step below it
 * (a branch, a split, a timeout, a `next`), its targets are named, and split arms carry their
 * own counts.
 */
export function JourneyFlow({ steps }: { steps: JourneyStepCounts[] }) {
  return (
    <ol className="journey-flow" aria-label="Steps">
      {steps.map((step, index) => {
        const below = steps[index + 1]?.id;
        const jumps = step.next.filter((target) => target !== below || step.next.length > 1);
        return (
          <li key={step.id} className={`journey-step journey-step-${step.kind}`} data-step={step.id}>
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
              {jumps.length > 0 && <div className="journey-step-jumps">→ {jumps.join(', ')}</div>}
            </div>
            {step.next.includes(below ?? '') && <div className="journey-step-arrow" aria-hidden="true" />}
          </li>
        );
      })}
    </ol>
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
