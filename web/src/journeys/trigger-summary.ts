import type { JourneyDefinition } from './journeys-api';

/** A trigger as a sentence: "moves to low-touch", "90 days before renewalDate", "Onboarding Completed". */
export function describeTrigger(trigger: JourneyDefinition['trigger']): string {
  if ('event' in trigger) return `event ${trigger.event.name}${trigger.event.where?.length ? ' (filtered)' : ''}`;
  if ('segment' in trigger) return `${trigger.segment.change} segment ${trigger.segment.id}`;
  if ('model' in trigger) {
    const { to, phase } = trigger.model;
    if (!to && !phase) return 'any change of engagement model';
    return `moves to ${[to, phase && `phase ${phase}`].filter(Boolean).join(', ')}`;
  }
  if ('date' in trigger) {
    const { trait, offsetDays, at } = trigger.date;
    const when = offsetDays === 0 ? 'on' : `${Math.abs(offsetDays)} days ${offsetDays < 0 ? 'before' : 'after'}`;
    return `${when} ${trait}, at ${at}`;
  }
  return 'started through the API';
}

/** What a step does, in a few words. */
export function describeStep(step: Record<string, unknown>): string {
  const [kind, body] = Object.entries(step).find(([k]) => k !== 'id' && k !== 'next') as [string, Record<string, unknown>];
  const duration = (d: { days?: number; hours?: number; minutes?: number }) =>
    [d.days && `${d.days} d`, d.hours && `${d.hours} h`, d.minutes && `${d.minutes} min`].filter(Boolean).join(' ');
  switch (kind) {
    case 'wait':
      if ('for' in body) return `wait ${duration(body['for'] as object)}`;
      if ('until' in body) return `wait until ${String(body['until'])}`;
      return `wait for ${(body['event'] as { name: string }).name}, at most ${duration(body['timeout'] as object)}`;
    case 'email':
      return `e-mail ${String(body['template'])}`;
    case 'inApp':
      return `in-app ${String(body['template'])}`;
    case 'webhook':
      return `webhook ${String(body['url'])}`;
    case 'task':
      return `task: ${String(body['title'])}`;
    case 'setTrait':
      return `set ${String(body['name'])}`;
    case 'changeModel':
      return `move to ${String(body['model'])}`;
    case 'branch':
      return `branch: ${(body['cases'] as unknown[]).length} case${(body['cases'] as unknown[]).length === 1 ? '' : 's'}, else ${String(body['otherwise'])}`;
    case 'split':
      return `split ${(body['arms'] as { id: string; weight: number }[]).map((a) => `${a.id} ${a.weight}`).join(' / ')}`;
    case 'exit':
      return 'exit';
    default:
      return kind;
  }
}
