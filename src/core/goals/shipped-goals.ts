import type { Goal } from './goal-definition.js';

/** Goals a team starts from; replace them with its own (`kind: Goal`). */
export const SHIPPED_GOALS: readonly Goal[] = [
  { id: 'nps-this-quarter', name: 'NPS of 40 this quarter', metric: 'nps', period: 'quarter', target: 40, benchmark: 32 },
  { id: 'trial-conversion', name: 'Visitor-to-sign-up conversion 5% this month', metric: 'conversion-rate', period: 'month', target: 5, benchmark: 3 },
  { id: 'net-revenue-retention', name: 'Net revenue retention of 102% this month', metric: 'net-revenue-retention', period: 'month', target: 102, benchmark: 100 },
  { id: 'logo-churn', name: 'Logo churn under 2% this month', metric: 'logo-churn', period: 'month', target: 2, benchmark: 3 },
  { id: 'new-customers', name: '60 new customers this month', metric: 'new-customers', period: 'month', target: 60 },
];
