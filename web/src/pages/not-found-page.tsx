import { Link } from '../router';

export function NotFoundPage() {
  return (
    <div className="page">
      <div className="state state-empty">
        <div className="state-title">This page does not exist</div>
        <div className="state-text">
          Go back to the <Link to="/">overview</Link>.
        </div>
      </div>
    </div>
  );
}
