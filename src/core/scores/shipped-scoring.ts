import type { EngagementScoring } from './engagement-scoring.js';

/**
 * The shipped engagement scoring: the last 30 days, in two typologies of four types worth up
 * to 25 points each (a total of 100). Rules are read in order; the first that matches an
 * interaction decides its type. Messages sent to a customer (outbound) score nothing unless
 * a rule names them (a meeting held, a training attended).
 */
export const SHIPPED_SCORING: EngagementScoring = {
  id: 'default',
  windowDays: 30,
  typologies: [
    {
      id: 'ecs',
      name: 'Emotional, contextual, convenience, social',
      types: [
        { id: 'emotional', name: 'Emotional', maxPoints: 25 },
        { id: 'contextual', name: 'Contextual', maxPoints: 25 },
        { id: 'convenience', name: 'Convenience', maxPoints: 25 },
        { id: 'social', name: 'Social', maxPoints: 25 },
      ],
      rules: [
        { event: 'Referral Sent', type: 'social', points: 10, label: 'referrals' },
        { event: 'Invite Sent', type: 'social', points: 3, label: 'invites' },
        { event: 'Review Submitted', type: 'social', points: 8, label: 'public reviews' },
        { channel: 'social', type: 'social', points: 3, label: 'social mentions' },
        { category: 'feedback', direction: 'inbound', type: 'emotional', points: 4, label: 'feedback and surveys' },
        { event: 'Email Replied', type: 'emotional', points: 3, label: 'replies' },
        { event: 'Meeting Held', type: 'emotional', points: 4, label: 'meetings' },
        { event: 'Training Attended', type: 'contextual', points: 4, label: 'trainings' },
        { category: 'communication', direction: 'inbound', type: 'convenience', points: 1, label: 'self-service conversations' },
        { category: 'support', direction: 'inbound', type: 'convenience', points: 1, label: 'support requests' },
        { category: 'usage', direction: 'inbound', type: 'contextual', points: 0.5, label: 'product use' },
        { category: 'lifecycle', direction: 'inbound', type: 'contextual', points: 2, label: 'lifecycle steps' },
        { category: 'revenue', direction: 'inbound', type: 'contextual', points: 3, label: 'purchases' },
        { category: 'navigation', direction: 'inbound', type: 'convenience', points: 0.25, label: 'page views' },
      ],
    },
    {
      id: 'cebt',
      name: 'Cognitive, emotional, behavioral, transactional',
      types: [
        { id: 'cognitive', name: 'Cognitive', maxPoints: 25 },
        { id: 'emotional', name: 'Emotional', maxPoints: 25 },
        { id: 'behavioral', name: 'Behavioral', maxPoints: 25 },
        { id: 'transactional', name: 'Transactional', maxPoints: 25 },
      ],
      rules: [
        { event: 'Training Attended', type: 'cognitive', points: 5, label: 'trainings' },
        { event: 'Meeting Held', type: 'cognitive', points: 3, label: 'meetings' },
        { event: 'Email Link Clicked', type: 'cognitive', points: 1, label: 'links clicked' },
        { event: 'Email Opened', type: 'cognitive', points: 0.5, label: 'e-mails read' },
        { category: 'navigation', direction: 'inbound', type: 'cognitive', points: 0.25, label: 'page views' },
        { category: 'feedback', direction: 'inbound', type: 'emotional', points: 4, label: 'feedback and surveys' },
        { channel: 'social', type: 'emotional', points: 3, label: 'social mentions' },
        { category: 'revenue', direction: 'inbound', type: 'transactional', points: 8, label: 'purchases' },
        { category: 'usage', direction: 'inbound', type: 'behavioral', points: 0.5, label: 'product use' },
        { category: 'lifecycle', direction: 'inbound', type: 'behavioral', points: 2, label: 'lifecycle steps' },
        { category: 'communication', direction: 'inbound', type: 'behavioral', points: 1, label: 'conversations' },
        { category: 'support', direction: 'inbound', type: 'behavioral', points: 0.5, label: 'support requests' },
      ],
    },
  ],
};
