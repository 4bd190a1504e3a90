import type { Random } from './random.js';

/** What CSMs wrote when they closed the demo's tasks, by task type. */
const OUTCOMES: Record<string, readonly string[]> = {
  'intro-call': ['Met the champion and the economic buyer; goals written down.', 'Handover from sales done; success criteria agreed.', 'Intro went well; they want a kickoff next week.'],
  kickoff: ['Kickoff held: three goals for the quarter, admin named, data import next.', 'Kickoff done; SSO and the CRM integration are their first steps.', 'Agreed a 30-day plan and weekly check-ins.'],
  training: ['Trained 6 people on dashboards and reports.', 'Admin training done; they will roll it out to the team.', 'Session recorded and shared; follow-up questions answered by e-mail.'],
  'check-in': ['On track; no blockers.', 'Usage picking up; asked for two more seats.', 'Blocked on the data import; engineering ticket opened.', 'Quiet week; they are busy with a release. Next check-in stays.'],
  qbr: ['QBR held: goals met, expansion to a second team discussed.', 'Reviewed adoption; renewal looks safe.'],
  'renewal-call': ['Renewal confirmed for another year.', 'Renewal in procurement; no risk flagged.'],
  escalation: ['Their admin left; training the new one this week.', 'Export bug hit their month-end; workaround given, fix scheduled.', 'Unhappy with response times; agreed a weekly call until it settles.', 'Budget review under way; shared an ROI summary.'],
};

/** A plausible outcome note for a closed task of this type. */
export function demoOutcome(random: Random, type: string): string {
  return random.pick(OUTCOMES[type] ?? OUTCOMES['check-in']!);
}
