import type { FieldIssue } from '../errors.js';
import type { MessageTemplate } from '../templates/message-template.js';
import type { JourneyDefinition } from './journey-definition.js';

/**
 * The journey's message steps whose template is not among `templates`, or is for the other
 * channel (an e-mail step naming an in-app template): each would fail at its first send, so
 * saving the journey is refused instead. Issues name the step's path.
 */
export function journeyTemplateProblems(journey: JourneyDefinition, templates: readonly MessageTemplate[]): FieldIssue[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const issues: FieldIssue[] = [];
  journey.steps.forEach((step, i) => {
    const use = 'email' in step ? { field: 'email', id: step.email.template, channel: 'email' as const } : 'inApp' in step ? { field: 'inApp', id: step.inApp.template, channel: 'in-app' as const } : null;
    if (!use) return;
    const template = byId.get(use.id);
    const path = `steps.${i}.${use.field}.template`;
    if (!template) issues.push({ path, message: `names message template ${use.id}, which does not exist` });
    else if (template.channel !== use.channel) issues.push({ path, message: `names message template ${use.id}, which is for ${template.channel === 'email' ? 'e-mail' : 'in-app messages'}` });
  });
  return issues;
}

/** The journeys among `journeys` with a message step naming template `id` (sending it on `channel`, when given). */
export function journeysUsingTemplate(journeys: readonly JourneyDefinition[], id: string, channel?: MessageTemplate['channel']): JourneyDefinition[] {
  return journeys.filter((j) =>
    j.steps.some((s) => ('email' in s && s.email.template === id && channel !== 'in-app') || ('inApp' in s && s.inApp.template === id && channel !== 'email')),
  );
}
