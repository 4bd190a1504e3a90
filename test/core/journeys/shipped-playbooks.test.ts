import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJourney, stepKind } from '../../../src/core/journeys/journey-definition.js';
import { isShippedPlaybook, SHIPPED_PLAYBOOKS } from '../../../src/core/journeys/shipped-playbooks.js';
import { SHIPPED_MODELS } from '../../../src/core/models/shipped-models.js';
import { EXAMPLE_SEGMENTS } from '../../../src/core/segments/examples.js';
import { parseMessageTemplate } from '../../../src/core/templates/message-template.js';
import { SHIPPED_TEMPLATES } from '../../../src/core/templates/shipped-templates.js';

describe('shipped playbooks', () => {
  test('every playbook and template passes the checks a saved one must pass', () => {
    for (const journey of SHIPPED_PLAYBOOKS) {
      const parsed = parseJourney(journey);
      assert.ok(parsed.ok, `${journey.id}: ${JSON.stringify(!parsed.ok && parsed.issues)}`);
    }
    for (const template of SHIPPED_TEMPLATES) {
      const parsed = parseMessageTemplate(template);
      assert.ok(parsed.ok, `${template.id}: ${JSON.stringify(!parsed.ok && parsed.issues)}`);
    }
  });

  test('what the playbooks refer to is shipped: templates of the right channel, models, phases and segments', () => {
    const templates = new Map(SHIPPED_TEMPLATES.map((t) => [t.id, t.channel]));
    const phases = new Map(SHIPPED_MODELS.map((m) => [m.id, new Set(m.phases.map((p) => p.id))]));
    const allPhases = new Set(SHIPPED_MODELS.flatMap((m) => m.phases.map((p) => p.id)));
    const segments = new Set(EXAMPLE_SEGMENTS.map((s) => s.id));
    for (const journey of SHIPPED_PLAYBOOKS) {
      if ('model' in journey.trigger) {
        const { to, phase } = journey.trigger.model;
        if (to) assert.ok(phases.has(to), `${journey.id}: model ${to}`);
        if (phase) assert.ok(to ? phases.get(to)!.has(phase) : allPhases.has(phase), `${journey.id}: phase ${phase}`);
      }
      for (const step of journey.steps) {
        if ('email' in step) assert.equal(templates.get(step.email.template), 'email', `${journey.id}.${step.id}`);
        if ('inApp' in step) assert.equal(templates.get(step.inApp.template), 'in-app', `${journey.id}.${step.id}`);
        if ('branch' in step) for (const c of step.branch.cases) if ('segment' in (c.when as object)) assert.ok(segments.has((c.when as { segment: { id: string } }).segment.id));
      }
    }
    // Every template is used by some playbook.
    const used = new Set(SHIPPED_PLAYBOOKS.flatMap((j) => j.steps.flatMap((s) => ('email' in s ? [s.email.template] : 'inApp' in s ? [s.inApp.template] : []))));
    assert.deepEqual([...templates.keys()].filter((id) => !used.has(id)), []);
  });

  test('a playbook as shipped is recognised, also after a round trip through its schema; an edited one is not', () => {
    for (const journey of SHIPPED_PLAYBOOKS) {
      assert.ok(isShippedPlaybook(JSON.parse(JSON.stringify(journey))), journey.id);
      const edited = { ...journey, steps: journey.steps.filter((s) => stepKind(s) !== 'wait') };
      assert.equal(isShippedPlaybook(edited), false, journey.id);
    }
    assert.equal(isShippedPlaybook({ ...SHIPPED_PLAYBOOKS[0]!, name: 'Our onboarding' }), false);
  });
});
