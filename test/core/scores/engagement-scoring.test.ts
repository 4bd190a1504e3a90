import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainScore, parseEngagementScoring, scoreTypology } from '../../../src/core/scores/engagement-scoring.js';
import { SHIPPED_SCORING } from '../../../src/core/scores/shipped-scoring.js';

const count = (name: string, category: string, channel: string, direction: string, n: number) => ({ subjectId: 'acme', name, category, channel, direction, count: n });

test('a score by type: points per interaction by the first rule that matches, each type up to its maximum, the total their sum', () => {
  const ecs = SHIPPED_SCORING.typologies[0]!;
  const counts = [
    count('Feature Used', 'usage', 'in_app', 'inbound', 3),
    count('Signed In', 'usage', 'in_app', 'inbound', 60),
    count('Referral Sent', 'usage', 'in_app', 'inbound', 1),
    count('Survey Responded', 'feedback', 'in_app', 'inbound', 2),
    count('Email Sent', 'communication', 'email', 'outbound', 12),
  ];
  const result = scoreTypology(ecs, counts);
  assert.deepEqual(result.types.map((t) => [t.type, t.score]), [['emotional', 8], ['contextual', 25], ['convenience', 0], ['social', 10]]);
  assert.equal(result.total, 43, '8 + 25 (31.5 capped) + 0 + 10; e-mail sent to them scores nothing');
  assert.deepEqual(result.types[1]!.sources, [{ label: 'product use', interactions: 63, points: 31.5 }]);
  assert.equal(explainScore(result, 30), 'score 43 over the last 30 days: 25 contextual (63 × product use), 10 social (1 × referrals), 8 emotional (2 × feedback and surveys)');
});

test('the shipped scoring is a valid definition; a rule naming an unknown type or matching nothing is refused', () => {
  assert.ok(parseEngagementScoring(SHIPPED_SCORING).ok);
  const bad = parseEngagementScoring({ id: 'default', typologies: [{ id: 't', name: 'T', types: [{ id: 'a', name: 'A', maxPoints: 10 }], rules: [{ event: 'X', type: 'b' }, { type: 'a' }] }] });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.issues.map((i) => i.path).sort(), ['typologies.0.rules.0.type', 'typologies.0.rules.1']);
});
