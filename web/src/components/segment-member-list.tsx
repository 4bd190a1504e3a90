import type { SegmentSubject, SubjectKind } from '../api-client';
import { Link } from '../router';
import { Avatar } from './avatar';

/** Where a member's page is: accounts by group id, contacts by userId; null when it has none. */
export function memberPath(subject: SubjectKind, member: SegmentSubject): string | null {
  if (member.key === null) return null;
  return `${subject === 'account' ? '/accounts' : '/contacts'}/${encodeURIComponent(member.key)}`;
}

/** A member's avatar and name, linked to its page when it has one. */
export function MemberName({ subject, member }: { subject: SubjectKind; member: SegmentSubject }) {
  const name = member.name ?? member.detail ?? member.key ?? member.id;
  const path = memberPath(subject, member);
  const body = (
    <>
      <Avatar name={name} size={24} square={subject === 'account'} />
      <span>
        <span className="entity-name">{name}</span>
        {member.detail && member.detail !== name && <span className="entity-sub">{member.detail}</span>}
      </span>
    </>
  );
  return path ? (
    <Link to={path} className="entity">
      {body}
    </Link>
  ) : (
    <span className="entity">{body}</span>
  );
}

/** Members as a compact list of linked names. */
export function MemberList({ subject, members, label }: { subject: SubjectKind; members: SegmentSubject[]; label: string }) {
  return (
    <ul className="member-list" aria-label={label}>
      {members.map((member) => (
        <li key={member.id}>
          <MemberName subject={subject} member={member} />
        </li>
      ))}
    </ul>
  );
}
