import type { SegmentDefinition } from '../api-client';

/** Whether a segment holds accounts or contacts, as a pill. */
export function SubjectBadge({ subject }: { subject: SegmentDefinition['subject'] }) {
  return <span className={subject === 'account' ? 'pill pill-violet' : 'pill pill-blue'}>{subject === 'account' ? 'Accounts' : 'Contacts'}</span>;
}
