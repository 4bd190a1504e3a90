import type { JourneyDefinition, JourneyStep } from '../../../src/core/journeys/journey-definition';
import type { MessageTemplate } from '../../../src/core/templates/message-template';
import { createRequest, json } from '../http';

export type { JourneyDefinition, JourneyStep, MessageTemplate };

export type JourneyStatus = 'active' | 'paused';

export interface JourneyRuns {
  entered: number;
  waiting: number;
  completed: number;
  exited: number;
  converted: number;
}

export interface JourneyStatusInfo {
  status: JourneyStatus;
  statusChangedBy: string | null;
  statusChangedAt: number | null;
  shipped: boolean;
}

export interface JourneySummary extends JourneyStatusInfo {
  id: string;
  name: string;
  description: string | null;
  subject: 'contact' | 'account';
  trigger: JourneyDefinition['trigger'];
  goal: JourneyDefinition['goal'] | null;
  runs: JourneyRuns;
}

export interface JourneyStepCounts {
  id: string;
  kind: string;
  step: JourneyStep;
  /** The steps this one goes to. */
  next: string[];
  entered: number;
  /** Runs at this step now. */
  now: number;
  converted: number;
  arms: { armId: string; entered: number; converted: number }[];
}

export interface JourneyDetail extends JourneyStatusInfo {
  journey: JourneyDefinition;
  runs: JourneyRuns;
  steps: JourneyStepCounts[];
}

export interface JourneysApi {
  list(): Promise<{ items: JourneySummary[] }>;
  get(id: string): Promise<JourneyDetail>;
  setStatus(id: string, status: JourneyStatus): Promise<{ status: JourneyStatus }>;
  /** Checks a draft (shape, and the templates its messages name) without storing it; a 400 names each problem's path. */
  validate(draft: unknown): Promise<{ ok: true; journey: JourneyDefinition }>;
  /** Stores the draft as journey `id`, the rest staying in force; its runs go on at their steps. */
  replace(id: string, draft: unknown): Promise<{ journey: JourneyDefinition }>;
  templates: TemplatesApi;
}

/** `/api/journeys` with the session cookie; a 401 calls `onUnauthorized`. */
export function createJourneysApi(options: { onUnauthorized: () => void }): JourneysApi {
  const request = createRequest(options);
  const id = encodeURIComponent;
  return {
    list: () => request('GET', '/api/journeys'),
    get: (journeyId) => request('GET', `/api/journeys/${id(journeyId)}`),
    setStatus: (journeyId, status) => request('POST', `/api/journeys/${id(journeyId)}/${status === 'active' ? 'activate' : 'pause'}`),
    validate: (draft) => request('POST', '/api/journeys/validate', json(draft)),
    replace: (journeyId, draft) => request('PUT', `/api/journeys/${id(journeyId)}`, json(draft)),
    templates: createTemplatesApi(options),
  };
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string | null;
  channel: 'email' | 'in-app';
  locales: string[];
  defaultLocale: string | null;
}

export type RenderedTemplate =
  | { contact: string | null; channel: 'email'; locale: string; subject: string; html: string; text: string }
  | { contact: string | null; channel: 'in-app'; locale: string; title: string; body: string };

export interface TemplatesApi {
  list(): Promise<{ items: TemplateSummary[] }>;
  get(id: string): Promise<MessageTemplate>;
  /** Checks a draft (shape, and every part with Liquid: a problem's `partLine` is its line in the part). */
  validate(draft: unknown): Promise<{ ok: true; template: MessageTemplate }>;
  replace(id: string, draft: unknown): Promise<MessageTemplate>;
  preview(id: string, options: { userId?: string; locale?: string }): Promise<RenderedTemplate>;
  /** Sends the rendering to `to`, marked as a test: over SMTP, or into the outbox. */
  testSend(id: string, options: { to: string; userId?: string; locale?: string }): Promise<TestSend>;
}

export interface TestSend {
  to: string;
  contact: string | null;
  locale: string;
  subject: string;
  messageId: string;
}

/** `/api/templates` with the session cookie. */
export function createTemplatesApi(options: { onUnauthorized: () => void }): TemplatesApi {
  const request = createRequest(options);
  const id = encodeURIComponent;
  return {
    list: () => request('GET', '/api/templates'),
    get: (templateId) => request('GET', `/api/templates/${id(templateId)}`),
    validate: (draft) => request('POST', '/api/templates/validate', json(draft)),
    replace: (templateId, draft) => request('PUT', `/api/templates/${id(templateId)}`, json(draft)),
    preview: (templateId, body) => request('POST', `/api/templates/${id(templateId)}/preview`, json(body)),
    testSend: (templateId, body) => request('POST', `/api/templates/${id(templateId)}/test-send`, json(body)),
  };
}
