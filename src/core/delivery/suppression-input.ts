import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * `POST /api/suppressions`: addresses that must get no more e-mail — a list exported from
 * another tool, complaints and bounces an e-mail provider reports, or one person's request.
 */
/** One e-mail address, roughly: a local part, an @ and a domain with a dot, nothing that separates addresses. */
const EMAIL_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** Whether `value` (trimmed) is one e-mail address, as the suppression list takes them. */
export function isEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS.test(value.trim());
}

const address = z.string({ error: 'must be a string' }).trim().regex(EMAIL_ADDRESS, { error: 'must be an e-mail address' });

const suppressionInput = z.strictObject({
  addresses: z.array(address, { error: 'must be a list of e-mail addresses' }).min(1, { error: 'must name at least one address' }).max(10_000, { error: 'must name at most 10,000 addresses' }),
  reason: z.enum(['unsubscribed', 'bounced', 'complained', 'manual'], { error: 'must be unsubscribed, bounced, complained or manual' }).default('manual'),
  detail: z.string({ error: 'must be a string' }).max(2000, { error: 'must be at most 2,000 characters' }).optional(),
});

export type SuppressionInput = z.infer<typeof suppressionInput>;

export function parseSuppressionInput(input: unknown): { ok: true; input: SuppressionInput } | { ok: false; issues: FieldIssue[] } {
  const parsed = suppressionInput.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })) };
}
