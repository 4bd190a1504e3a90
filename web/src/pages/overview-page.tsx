import { useApi } from '../api-context';
import { AccountShortlist } from '../components/account-shortlist';
import { ActivityChart } from '../components/activity-chart';
import { ChannelMix } from '../components/channel-mix';
import { Empty, Failure, Loading } from '../components/page-states';
import { SegmentedControl } from '../components/segmented-control';
import { StatCard } from '../components/stat-card';
import { formatCompactCurrency, formatCurrency, formatDay, formatDaysAway, formatInteger } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useResource } from '../use-resource';

const DAY = 86_400_000;
const SHORTLIST = 5;

const PERIODS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '12 months' },
];

/** Totals and the period's interactions per day and channel. */
export function OverviewPage() {
  const api = useApi();
  const { search } = useLocation();
  const requested = new URLSearchParams(search).get('days') ?? '90';
  const days = PERIODS.some((p) => p.value === requested) ? Number(requested) : 90;
  const overview = useResource(() => api.overview(days), String(days));
  const largest = useResource(() => api.accounts(new URLSearchParams({ sort: 'mrr', order: 'desc', limit: String(SHORTLIST) })), 'largest');
  // Renewals sort oldest first, so dates already past are skipped here.
  const renewals = useResource(() => api.accounts(new URLSearchParams({ sort: 'renewalDate', order: 'asc', limit: '100' })), 'renewals');
  const today = Math.floor(Date.now() / DAY) * DAY;
  const upcoming = renewals.data?.items.filter((a) => a.renewalDate !== null && a.renewalDate >= today).slice(0, SHORTLIST);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Overview</h1>
          <p className="muted">Every interaction with your customers, across channels.</p>
        </div>
        <SegmentedControl label="Period" options={PERIODS} value={String(days)} onChange={(value) => navigate(value === '90' ? '/' : `/?days=${value}`, { replace: true })} />
      </header>
      {overview.status === 'loading' && <Loading />}
      {overview.status === 'error' && <Failure error={overview.error} onRetry={overview.reload} />}
      {overview.status === 'ready' && (
        <>
          <section className="stats" aria-label="Totals">
            <StatCard testId="total-accounts" label="Accounts" value={formatInteger(overview.data.totals.accounts)} hint={<Link to="/accounts">View all accounts</Link>} />
            <StatCard testId="total-contacts" label="Contacts" value={formatInteger(overview.data.totals.contacts)} hint="People in those accounts" />
            <StatCard testId="total-events" label="Events" value={formatInteger(overview.data.totals.events)} hint="Messages received, all kinds" />
            <StatCard testId="total-revenue" label="Revenue" value={formatCompactCurrency(overview.data.totals.revenue)} hint="From completed orders" />
          </section>
          <div className="overview-grid">
            <section className="card">
              <div className="card-header">
                <div>
                  <h2>Interactions by channel</h2>
                  <p className="muted small">
                    {formatDay(overview.data.from)} – {formatDay(overview.data.to - 1)}
                  </p>
                </div>
                <div className="card-figure">
                  {formatInteger(overview.data.activity.reduce((n, row) => n + row.count, 0))}
                  <span className="muted small"> interactions</span>
                </div>
              </div>
              {overview.data.activity.length === 0 ? (
                <Empty title="No interactions in this period">Send events to the ingestion API (/v1/track, /v1/batch) and they show up here.</Empty>
              ) : (
                <ActivityChart overview={overview.data} />
              )}
            </section>
            <section className="card">
              <div className="card-header">
                <h2>Channel mix</h2>
              </div>
              {overview.data.activity.length === 0 ? <Empty title="No channels yet" /> : <ChannelMix overview={overview.data} />}
            </section>
          </div>
          <div className="overview-lists">
            <section className="card">
              <div className="card-header">
                <h2>Largest accounts</h2>
                <Link to="/accounts?sort=mrr" className="small">
                  View all
                </Link>
              </div>
              {largest.status === 'ready' ? <AccountShortlist accounts={largest.data.items} empty="No accounts yet" figure={(a) => (a.mrr === null ? '—' : `${formatCurrency(a.mrr)}/mo`)} /> : largest.status === 'error' ? <Failure error={largest.error} /> : <Loading />}
            </section>
            <section className="card">
              <div className="card-header">
                <h2>Upcoming renewals</h2>
                <Link to="/accounts?sort=renewalDate&order=asc" className="small">
                  View all
                </Link>
              </div>
              {upcoming ? (
                <AccountShortlist accounts={upcoming} empty="No renewals ahead" figure={(a) => (a.renewalDate === null ? '—' : <>
                      <span className="shortlist-note">{formatDaysAway(a.renewalDate, Date.now())}</span>
                      {formatDay(a.renewalDate)}
                    </>)} />
              ) : renewals.status === 'error' ? (
                <Failure error={renewals.error} />
              ) : (
                <Loading />
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
