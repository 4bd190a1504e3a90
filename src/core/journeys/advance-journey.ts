import { assertNever } from '../errors.js';
import type { Condition } from '../segments/conditions.js';
import { applyOperator, readPath } from '../segments/operators.js';
import { addBusinessDays } from '../tasks/task-plan.js';
import type { TaskType } from '../tasks/task-template.js';
import { caseCondition, stepKind, type Duration, type EventMatcher, type JourneyDefinition, type JourneyStep } from './journey-definition.js';
import { splitArm } from './split-arm.js';
import { nextTimeOfDay } from './time-of-day.js';

/**
 * A journey run's whole state: where it stands and what it waits for. The engine stores it
 * after every advance; nothing else about a run lives in memory.
 */
export interface RunState {
  status: 'active' | 'waiting' | 'completed' | 'exited' | 'converted';
  /** The step the run waits at (or last performed), null before the start. */
  stepId: string | null;
  /** When the run's timer is due (a wait, or an event wait's timeout); null when none. */
  wakeAt: number | null;
  /** The event a `wait: { event }` step waits for. */
  awaiting: EventMatcher | null;
  /** Split arms taken, by step id, for analysis. */
  arms: Record<string, string>;
  /** Steps performed so far; numbers each visit so effect keys stay unique when a step repeats. */
  visits: number;
  /** Why the run ended early, when it did. */
  endReason: string | null;
}

export type RunInput =
  | { kind: 'start' }
  | { kind: 'timer' }
  | { kind: 'event'; name: string; properties: Record<string, unknown> }
  | { kind: 'goal' }
  | { kind: 'exit'; reason: string };

/** What the run needs to know of the world, passed in so this stays pure. */
export interface RunEnvironment {
  now: number;
  runId: string;
  subjectId: string;
  /** The subject's time zone (IANA), for waits until a time of day. */
  zone: string | null;
  /** Whether a branch condition holds for the subject now (the engine evaluates it). */
  holds: (condition: Condition) => boolean;
}

/** Work for the engine to perform once, under `key` (`runId:visit:stepId`). */
export type Effect = { key: string; stepId: string } & (
  | {
      kind: 'email';
      template: string;
      /**
       * A message the contact needs whatever they chose about mailings (a receipt, a renewal
       * notice): past an unsubscribe, quiet hours and the frequency cap; not past a bounce or
       * a complaint. Absent on marketing e-mail.
       */
      transactional?: true;
    }
  | { kind: 'in-app'; template: string }
  | { kind: 'webhook'; url: string; body: Record<string, unknown> }
  | { kind: 'task'; type: TaskType; title: string; dueAt: number }
  | { kind: 'set-trait'; name: string; value: unknown }
  | { kind: 'change-model'; model: string; phase: string | null; reason: string }
);

export interface Advance {
  state: RunState;
  effects: Effect[];
  /** Steps entered by this advance, in order, for the per-step counts. */
  entered: string[];
}

/** A run can pass at most this many steps without waiting: a branch looping on itself ends it. */
export const MAX_STEPS_WITHOUT_WAITING = 200;

export function initialRunState(): RunState {
  return { status: 'active', stepId: null, wakeAt: null, awaiting: null, arms: {}, visits: 0, endReason: null };
}

/**
 * Advances a run: `(definition, state, input, environment) -> (state, effects)`, with no I/O.
 * From where the run stands it performs steps until one waits or the run ends. A timer input
 * continues a run whose wake time has come (a timeout takes the event wait's `onTimeout`); an
 * event continues a run waiting for it; a goal converts and ends it; an exit ends it. An
 * input that does not apply (a timer not yet due, an event nobody waits for, anything for a
 * run that ended) changes nothing, so a duplicate delivery is harmless.
 */
export function advanceJourney(journey: JourneyDefinition, state: RunState, input: RunInput, env: RunEnvironment): Advance {
  const done = (s: RunState): Advance => ({ state: s, effects: [], entered: [] });
  if (state.status === 'completed' || state.status === 'exited' || state.status === 'converted') return done(state);
  switch (input.kind) {
    case 'goal':
      return done({ ...state, status: 'converted', wakeAt: null, awaiting: null, endReason: 'reached the goal' });
    case 'exit':
      return done({ ...state, status: 'exited', wakeAt: null, awaiting: null, endReason: input.reason });
    case 'start':
      if (state.stepId !== null) return done(state);
      return run(journey, state, journey.steps[0]!.id, env);
    case 'timer': {
      if (state.status !== 'waiting' || state.wakeAt === null || state.wakeAt > env.now) return done(state);
      const step = stepById(journey, state.stepId!);
      if (!step) return done({ ...state, status: 'exited', endReason: `step ${state.stepId} no longer exists` });
      const onTimeout = 'wait' in step && 'onTimeout' in step.wait ? step.wait.onTimeout : null;
      const next = onTimeout ?? nextOf(journey, step);
      return next === null ? done(finish(state)) : run(journey, { ...state, wakeAt: null, awaiting: null }, next, env);
    }
    case 'event': {
      if (state.status !== 'waiting' || !state.awaiting || !eventMatches(state.awaiting, input)) return done(state);
      const step = stepById(journey, state.stepId!);
      if (!step) return done({ ...state, status: 'exited', endReason: `step ${state.stepId} no longer exists` });
      const next = nextOf(journey, step);
      return next === null ? done(finish(state)) : run(journey, { ...state, wakeAt: null, awaiting: null }, next, env);
    }
    default:
      return input satisfies never;
  }
}

/** Performs steps from `stepId` until one waits or the run ends. */
function run(journey: JourneyDefinition, from: RunState, stepId: string, env: RunEnvironment): Advance {
  let state: RunState = { ...from, status: 'active', arms: { ...from.arms } };
  const effects: Effect[] = [];
  const entered: string[] = [];
  let current: string | null = stepId;
  for (let performed = 0; current !== null; performed++) {
    if (performed >= MAX_STEPS_WITHOUT_WAITING) return { state: { ...state, status: 'exited', endReason: `passed ${MAX_STEPS_WITHOUT_WAITING} steps without waiting (a loop?)` }, effects, entered };
    const step = stepById(journey, current);
    if (!step) return { state: { ...state, status: 'exited', endReason: `step ${current} does not exist` }, effects, entered };
    state = { ...state, stepId: step.id, visits: state.visits + 1 };
    entered.push(step.id);
    const key = `${env.runId}:${state.visits}:${step.id}`;
    const base = { key, stepId: step.id };
    let next: string | null = nextOf(journey, step);
    const kind = stepKind(step);
    switch (kind) {
      case 'wait': {
        const wait = (step as Extract<JourneyStep, { wait: unknown }>).wait;
        if ('for' in wait) return { state: { ...state, status: 'waiting', wakeAt: env.now + durationMs(wait.for), awaiting: null }, effects, entered };
        if ('until' in wait) return { state: { ...state, status: 'waiting', wakeAt: nextTimeOfDay(env.now, wait.until, env.zone), awaiting: null }, effects, entered };
        return { state: { ...state, status: 'waiting', wakeAt: env.now + durationMs(wait.timeout), awaiting: wait.event }, effects, entered };
      }
      case 'branch': {
        const { cases, otherwise } = (step as Extract<JourneyStep, { branch: unknown }>).branch;
        next = cases.find((c) => env.holds(caseCondition(c.when)))?.next ?? otherwise;
        break;
      }
      case 'split': {
        const arm = splitArm((step as Extract<JourneyStep, { split: unknown }>).split.arms, { subjectId: env.subjectId, journeyId: journey.id, stepId: step.id });
        state.arms[step.id] = arm.id;
        next = arm.next;
        break;
      }
      case 'email': {
        const { template, transactional } = (step as Extract<JourneyStep, { email: unknown }>).email;
        effects.push({ ...base, kind: 'email', template, ...(transactional ? { transactional: true as const } : {}) });
        break;
      }
      case 'inApp':
        effects.push({ ...base, kind: 'in-app', template: (step as Extract<JourneyStep, { inApp: unknown }>).inApp.template });
        break;
      case 'webhook': {
        const { url, body } = (step as Extract<JourneyStep, { webhook: unknown }>).webhook;
        effects.push({ ...base, kind: 'webhook', url, body: body ?? {} });
        break;
      }
      case 'task': {
        const task = (step as Extract<JourneyStep, { task: unknown }>).task;
        const dueAt = task.dueInBusinessDays !== undefined ? addBusinessDays(env.now, task.dueInBusinessDays) : env.now + (task.dueInDays ?? 0) * 86_400_000;
        effects.push({ ...base, kind: 'task', type: task.type, title: task.title, dueAt });
        break;
      }
      case 'setTrait': {
        const { name, value } = (step as Extract<JourneyStep, { setTrait: unknown }>).setTrait;
        effects.push({ ...base, kind: 'set-trait', name, value });
        break;
      }
      case 'changeModel': {
        const change = (step as Extract<JourneyStep, { changeModel: unknown }>).changeModel;
        effects.push({ ...base, kind: 'change-model', model: change.model, phase: change.phase ?? null, reason: change.reason });
        break;
      }
      case 'exit':
        return { state: { ...state, status: 'exited', wakeAt: null, awaiting: null, endReason: `reached exit step ${step.id}` }, effects, entered };
      default:
        return assertNever(kind);
    }
    current = next;
  }
  return { state: finish(state), effects, entered };
}

function finish(state: RunState): RunState {
  return { ...state, status: 'completed', wakeAt: null, awaiting: null };
}

function stepById(journey: JourneyDefinition, id: string): JourneyStep | undefined {
  return journey.steps.find((s) => s.id === id);
}

/** `next`, else the following step in the list, else null (the run completes). */
function nextOf(journey: JourneyDefinition, step: JourneyStep): string | null {
  if (step.next) return step.next;
  const index = journey.steps.indexOf(step);
  return journey.steps[index + 1]?.id ?? null;
}

export function durationMs(duration: Duration): number {
  return ((duration.days ?? 0) * 24 * 60 + (duration.hours ?? 0) * 60 + (duration.minutes ?? 0)) * 60_000;
}

/** Whether a track event is the one a matcher names, its properties passing every filter. */
export function eventMatches(matcher: EventMatcher, event: { name: string; properties: Record<string, unknown> }): boolean {
  return event.name === matcher.name && (matcher.where ?? []).every((f) => applyOperator(readPath(event.properties, f.property), f.op, f.value));
}
