import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, createApiClient, createSegmentsApi, type Me } from './api-client';
import { ApiContext } from './api-context';
import { AppShell } from './components/app-shell';
import { Failure, Loading } from './components/page-states';
import { SegmentsApiContext } from './components/segment-api-context';
import { AccountPage } from './pages/account-page';
import { AccountsPage } from './pages/accounts-page';
import { ContactPage } from './pages/contact-page';
import { DefinitionsPage } from './pages/definitions-page';
import { LoginPage } from './pages/login-page';
import { MetricsPage } from './pages/metrics-page';
import { FrameworksPage } from './pages/frameworks-page';
import { ModelsPage } from './pages/models-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import { SegmentBuilderPage } from './pages/segment-builder-page';
import { SegmentPage } from './pages/segment-page';
import { SegmentsPage } from './pages/segments-page';
import { matchPath, useLocation } from './router';
import { TasksPage } from './tasks/tasks-page';
import { createWorkApi } from './tasks/work-api';
import { createJourneysApi } from './journeys/journeys-api';
import { JourneysApiContext } from './journeys/journeys-api-context';
import { JourneyPage } from './journeys/journey-page';
import { JourneysPage } from './journeys/journeys-page';
import { TemplatePage } from './journeys/template-page';
import { WorkApiContext } from './tasks/work-api-context';
import './styles/segments.css';
import './styles/tasks.css';
import './journeys/journeys.css';

type Session = { status: 'checking' } | { status: 'out' } | { status: 'in'; me: Me } | { status: 'error'; error: Error };

/** Decides between the login and the dashboard (`GET /api/me`), then routes by path. */
export function App() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const api = useMemo(() => createApiClient({ onUnauthorized: () => setSession({ status: 'out' }) }), []);
  const segmentsApi = useMemo(() => createSegmentsApi({ onUnauthorized: () => setSession({ status: 'out' }) }), []);
  const workApi = useMemo(() => createWorkApi({ onUnauthorized: () => setSession({ status: 'out' }) }), []);
  const journeysApi = useMemo(() => createJourneysApi({ onUnauthorized: () => setSession({ status: 'out' }) }), []);

  const checkSession = useCallback(() => {
    setSession({ status: 'checking' });
    api.me().then(
      (me) => setSession({ status: 'in', me }),
      (error: unknown) => {
        // A 401 already switched to the login through onUnauthorized.
        if (!(error instanceof ApiError && error.status === 401)) setSession({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  }, [api]);
  useEffect(checkSession, [checkSession]);

  const logOut = async () => {
    await api.logOut().catch(() => undefined);
    setSession({ status: 'out' });
  };

  switch (session.status) {
    case 'checking':
      return <Loading label="Opening Touchpoint…" />;
    case 'error':
      return <Failure error={session.error} onRetry={checkSession} />;
    case 'out':
      return <LoginPage onLogIn={(email, password) => api.logIn(email, password).then(checkSession)} />;
    case 'in':
      return (
        <ApiContext.Provider value={api}>
          <SegmentsApiContext.Provider value={segmentsApi}>
            <WorkApiContext.Provider value={workApi}>
              <JourneysApiContext.Provider value={journeysApi}>
                <AppShell me={session.me} onLogOut={logOut}>
                  <Routes />
                </AppShell>
              </JourneysApiContext.Provider>
            </WorkApiContext.Provider>
          </SegmentsApiContext.Provider>
        </ApiContext.Provider>
      );
    default:
      return session satisfies never;
  }
}

function Routes() {
  const { pathname } = useLocation();
  if (matchPath('/', pathname)) return <OverviewPage />;
  if (matchPath('/metrics', pathname)) return <MetricsPage />;
  if (matchPath('/frameworks', pathname)) return <FrameworksPage />;
  if (matchPath('/models', pathname)) return <ModelsPage />;
  if (matchPath('/tasks', pathname)) return <TasksPage />;
  if (matchPath('/journeys', pathname)) return <JourneysPage />;
  const journey = matchPath('/journeys/:id', pathname);
  if (journey?.['id']) return <JourneyPage key={journey['id']} id={journey['id']} />;
  const template = matchPath('/templates/:id', pathname);
  if (template?.['id']) return <TemplatePage key={template['id']} id={template['id']} />;
  if (matchPath('/definitions', pathname)) return <DefinitionsPage />;
  if (matchPath('/accounts', pathname)) return <AccountsPage />;
  const account = matchPath('/accounts/:groupId', pathname);
  if (account?.['groupId']) return <AccountPage key={account['groupId']} groupId={account['groupId']} />;
  if (matchPath('/segments', pathname)) return <SegmentsPage />;
  if (matchPath('/segments/new', pathname)) return <SegmentBuilderPage key="new" />;
  const editSegment = matchPath('/segments/:id/edit', pathname);
  if (editSegment?.['id']) return <SegmentBuilderPage key={`edit-${editSegment['id']}`} id={editSegment['id']} />;
  const segment = matchPath('/segments/:id', pathname);
  if (segment?.['id']) return <SegmentPage key={segment['id']} id={segment['id']} />;
  const contact = matchPath('/contacts/:userId', pathname);
  if (contact?.['userId']) return <ContactPage key={contact['userId']} userId={contact['userId']} />;
  return <NotFoundPage />;
}
