import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SHIPPED_TASK_TEMPLATES } from '../../../src/core/tasks/shipped-task-templates.js';
import { addBusinessDays, nextOccurrence, stoppedTemplates, tasksForMove, type Placement } from '../../../src/core/tasks/task-plan.js';
import { parseTaskTemplate } from '../../../src/core/tasks/task-template.js';

const DAY = 86_400_000;
const friday = Date.UTC(2026, 10, 20, 15); // Friday 20 November 2026, 15:00 UTC
const lowTouch: Placement = { modelId: 'low-touch', phaseId: 'automated', touch: 'low', escalationRule: null };
const highOnboarding: Placement = { modelId: 'high-touch', phaseId: 'onboarding', touch: 'high', escalationRule: null };
const highDedicated: Placement = { modelId: 'high-touch', phaseId: 'dedicated', touch: 'high', escalationRule: null };

describe('business days', () => {
  test('one business day after Friday afternoon is Monday afternoon', () => {
    assert.equal(new Date(addBusinessDays(friday, 1)).toISOString(), '2026-11-23T15:00:00.000Z');
  });
  test('one business day after Saturday morning is Monday morning', () => {
    assert.equal(new Date(addBusinessDays(Date.UTC(2026, 10, 21, 10), 1)).toISOString(), '2026-11-23T10:00:00.000Z');
  });
  test('five business days after a Monday is the next Monday, and zero is the same moment', () => {
    const monday = Date.UTC(2026, 10, 23, 9);
    assert.equal(addBusinessDays(monday, 5), monday + 7 * DAY);
    assert.equal(addBusinessDays(monday, 0), monday);
  });
});

describe('tasks for a move', () => {
  test('entering high-touch onboarding creates the introduction, kickoff, two trainings and a weekly check-in', () => {
    const drafts = tasksForMove(SHIPPED_TASK_TEMPLATES, { groupId: 'acme', accountName: 'Acme', before: lowTouch, after: highOnboarding, at: friday });
    assert.deepEqual(drafts.map((d) => [d.type, d.title, new Date(d.dueAt).toISOString()]), [
      ['intro-call', 'Sales-to-CSM introduction with Acme', '2026-11-24T15:00:00.000Z'],
      ['kickoff', 'Kickoff call with Acme', '2026-11-27T15:00:00.000Z'],
      ['training', 'Training session 1 for Acme: the essentials', '2026-11-30T15:00:00.000Z'],
      ['training', 'Training session 2 for Acme: advanced use', '2026-12-14T15:00:00.000Z'],
      ['check-in', 'Weekly check-in with Acme', '2026-11-27T15:00:00.000Z'],
    ]);
    assert.equal(drafts[0]!.key, `intro-call:acme:${friday}`);
  });

  test('an escalation creates a call due within one business day and weekly check-ins', () => {
    const escalated: Placement = { ...highDedicated, escalationRule: 'usage-collapse' };
    const drafts = tasksForMove(SHIPPED_TASK_TEMPLATES, { groupId: 'acme', accountName: null, before: lowTouch, after: escalated, at: friday });
    assert.deepEqual(drafts.map((d) => d.templateId), ['escalation-call', 'escalation-check-in'], 'not the reviews of an account that stays');
    assert.equal(drafts.find((d) => d.type === 'escalation')!.dueAt, friday + 3 * DAY);
    assert.equal(drafts[0]!.title, 'Escalation: call acme', 'the group id stands in for a missing name');
  });

  test('a move within the same trigger creates nothing again', () => {
    assert.deepEqual(tasksForMove(SHIPPED_TASK_TEMPLATES, { groupId: 'a', accountName: 'A', before: { ...highOnboarding, modelId: 'hybrid-onboarding' }, after: highOnboarding, at: friday }).map((d) => d.templateId), []);
  });

  test('an escalated account that stays high touch when the escalation ends gets the reviews then', () => {
    const escalated: Placement = { ...highDedicated, escalationRule: 'usage-collapse' };
    assert.deepEqual(tasksForMove(SHIPPED_TASK_TEMPLATES, { groupId: 'a', accountName: 'A', before: escalated, after: highDedicated, at: friday }).map((d) => d.templateId), ['monthly-check-in', 'quarterly-review']);
  });

  test('activation stops the weekly onboarding check-ins, and stepping back stops the escalation check-ins', () => {
    assert.deepEqual(stoppedTemplates(SHIPPED_TASK_TEMPLATES, highDedicated).map((t) => t.id), ['onboarding-check-in', 'escalation-check-in']);
    assert.deepEqual(stoppedTemplates(SHIPPED_TASK_TEMPLATES, lowTouch).map((t) => t.id), ['onboarding-check-in', 'monthly-check-in', 'quarterly-review', 'escalation-check-in']);
  });
});

describe('recurrence', () => {
  const weekly = SHIPPED_TASK_TEMPLATES.find((t) => t.id === 'onboarding-check-in')!;
  const account = { groupId: 'acme', accountName: 'Acme', placement: highOnboarding };

  test('the next check-in is due a week after the last was due', () => {
    assert.equal(nextOccurrence(weekly, account, friday, friday - DAY)!.dueAt, friday + 7 * DAY);
  });
  test('a check-in closed weeks late is followed by the next one still ahead, not by ones already overdue', () => {
    assert.equal(nextOccurrence(weekly, account, friday, friday + 17 * DAY)!.dueAt, friday + 21 * DAY);
  });
  test('no next check-in once the account has left onboarding', () => {
    assert.equal(nextOccurrence(weekly, { ...account, placement: highDedicated }, friday, friday), null);
  });
});

describe('task template schema', () => {
  test('names the path and the reason', () => {
    const result = parseTaskTemplate({ id: 'x', type: 'call', title: 'x', on: { entered: {} } });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((i) => i.path), ['type']);
    const both = parseTaskTemplate({ id: 'x', type: 'kickoff', title: 'x', on: { entered: { touch: 'high' } }, dueInDays: 1, dueInBusinessDays: 1 });
    assert.deepEqual(!both.ok && both.issues, [{ path: 'dueInBusinessDays', message: 'give dueInDays or dueInBusinessDays, not both' }]);
  });
  test('every shipped template is valid', () => {
    for (const template of SHIPPED_TASK_TEMPLATES) assert.equal(parseTaskTemplate(template).ok, true, template.id);
  });
});
