import type { TaskTemplate } from './task-template.js';

/**
 * The work Touchpoint's shipped models promise. Onboarding phases with a human (high touch,
 * hybrid onboarding) get the introduction, kickoff, trainings and weekly check-ins until the
 * activation milestone; a dedicated CSM then checks in monthly and runs quarterly reviews; an
 * escalation gets a call within one business day and weekly check-ins while it lasts, not the
 * reviews of an account that stays.
 */
export const SHIPPED_TASK_TEMPLATES: readonly TaskTemplate[] = [
  { id: 'intro-call', type: 'intro-call', title: 'Sales-to-CSM introduction with {account}', on: { entered: { phase: 'onboarding', touch: 'high' } }, dueInBusinessDays: 2 },
  { id: 'kickoff', type: 'kickoff', title: 'Kickoff call with {account}', on: { entered: { phase: 'onboarding', touch: 'high' } }, dueInBusinessDays: 5 },
  { id: 'first-training', type: 'training', title: 'Training session 1 for {account}: the essentials', on: { entered: { phase: 'onboarding', touch: 'high' } }, dueInDays: 10 },
  { id: 'second-training', type: 'training', title: 'Training session 2 for {account}: advanced use', on: { entered: { phase: 'onboarding', touch: 'high' } }, dueInDays: 24 },
  { id: 'onboarding-check-in', type: 'check-in', title: 'Weekly check-in with {account}', on: { entered: { phase: 'onboarding', touch: 'high' } }, dueInDays: 7, everyDays: 7 },
  { id: 'monthly-check-in', type: 'check-in', title: 'Monthly check-in with {account}', on: { entered: { model: 'high-touch', phase: 'dedicated', escalated: false } }, dueInDays: 30, everyDays: 30 },
  { id: 'quarterly-review', type: 'qbr', title: 'Quarterly business review with {account}', on: { entered: { model: 'high-touch', phase: 'dedicated', escalated: false } }, dueInDays: 90, everyDays: 91 },
  { id: 'escalation-call', type: 'escalation', title: 'Escalation: call {account}', description: 'The account was escalated; find out what is wrong and agree a plan.', on: { escalated: {} }, dueInBusinessDays: 1 },
  { id: 'escalation-check-in', type: 'check-in', title: 'Weekly check-in while {account} is escalated', on: { escalated: {} }, dueInDays: 7, everyDays: 7 },
];
