import type { Framework } from './framework-definition.js';

/**
 * The frameworks the field uses, on Segment's semantic event names (B2B SaaS, e-commerce,
 * e-mail) and the support and survey events Touchpoint classifies. Editable: export, change,
 * apply.
 */
export const SHIPPED_FRAMEWORKS: readonly Framework[] = [
  {
    id: 'aarrr',
    name: 'AARRR (pirate metrics)',
    description: 'Acquisition, activation, retention, referral, revenue.',
    subject: 'contact',
    stages: [
      { id: 'acquisition', name: 'Acquisition', description: 'Signed up', events: ['Signed Up', 'Account Created'] },
      { id: 'activation', name: 'Activation', description: 'Reached the first milestone', events: ['Onboarding Completed', 'Feature Used'] },
      { id: 'retention', name: 'Retention', description: 'Came back and used the product', events: ['Signed In', 'Dashboard Viewed', 'Report Created', 'Report Exported'] },
      { id: 'referral', name: 'Referral', description: 'Recommended or reviewed it', events: ['Referral Sent', 'Review Submitted', 'Invite Sent'] },
      { id: 'revenue', name: 'Revenue', description: 'Paid', events: ['Order Completed', 'Subscription Started', 'Subscription Renewed'] },
    ],
  },
  {
    id: 'laer',
    name: 'LAER',
    description: 'Land, adopt, expand, renew: the customer success lifecycle of an account.',
    subject: 'account',
    stages: [
      { id: 'land', name: 'Land', description: 'Became a customer', events: ['Subscription Started', 'Order Completed'] },
      { id: 'adopt', name: 'Adopt', description: 'Onboarded and in use', events: ['Onboarding Completed', 'Training Attended', 'Feature Used'] },
      { id: 'expand', name: 'Expand', description: 'Bought more', events: ['Plan Upgraded', 'Account Added User'] },
      { id: 'renew', name: 'Renew', description: 'Renewed', events: ['Subscription Renewed'] },
    ],
  },
  {
    id: 'mckinsey-cdj',
    name: 'McKinsey consumer decision journey',
    description: 'Initial consideration, active evaluation, closure and the post-purchase experience, with the loyalty loop back to closure.',
    subject: 'contact',
    stages: [
      { id: 'initial-consideration', name: 'Initial consideration', description: 'Visited or was reached', events: ['Product Viewed', 'Email Opened', 'Social Mention'] },
      { id: 'active-evaluation', name: 'Active evaluation', description: 'Compared and tried', events: ['Trial Started', 'Product Added', 'Checkout Started', 'Live Chat Conversation Started'] },
      { id: 'closure', name: 'Closure', description: 'Bought', events: ['Order Completed', 'Subscription Started'] },
      { id: 'post-purchase', name: 'Post-purchase experience', description: 'Used it and told us how it went', events: ['Onboarding Completed', 'Survey Responded', 'Review Submitted', 'Ticket Solved'] },
    ],
    loopTo: 'closure',
  },
  {
    id: 'aidae',
    name: 'AIDAE',
    description: 'Attention, interest, desire, action, engagement.',
    subject: 'contact',
    stages: [
      { id: 'attention', name: 'Attention', description: 'Saw a message', events: ['Email Opened', 'Product Viewed', 'Social Mention'] },
      { id: 'interest', name: 'Interest', description: 'Clicked through or asked', events: ['Email Link Clicked', 'Live Chat Conversation Started'] },
      { id: 'desire', name: 'Desire', description: 'Tried it', events: ['Signed Up', 'Trial Started', 'Product Added'] },
      { id: 'action', name: 'Action', description: 'Bought', events: ['Order Completed', 'Subscription Started'] },
      { id: 'engagement', name: 'Engagement', description: 'Kept using and talking to us', events: ['Feature Used', 'Survey Responded', 'Review Submitted', 'Referral Sent'] },
    ],
  },
];
