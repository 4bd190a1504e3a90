import { useState } from 'react';
import { Failure, Loading } from '../components/page-states';
import { SegmentedControl } from '../components/segmented-control';
import { EditorSection } from '../editor/editor-section';
import { YamlSpecEditor } from '../editor/yaml-spec-editor';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { useJourneysApi } from './journeys-api-context';
import type { TestSend } from './journeys-api';

/**
 * One message template, previewed per locale: for sample data, or for a contact (by user id)
 * in the locale their fallback chain picks; an e-mail template can be sent as a test to any
 * address, rendered as previewed. The template is edited here as YAML: Liquid problems are
 * marked at their line while typing, and a save shows in the preview at once.
 */
export function TemplatePage({ id }: { id: string }) {
  const api = useJourneysApi().templates;
  const list = useResource(() => api.list(), 'templates');
  const [locale, setLocale] = useState<string | undefined>(undefined);
  const [userId, setUserId] = useState('');
  const [forContact, setForContact] = useState<string | undefined>(undefined);
  const [saves, setSaves] = useState(0);
  const preview = useResource(() => api.preview(id, { ...(forContact ? { userId: forContact } : {}), ...(locale ? { locale } : {}) }), `preview:${id}:${forContact ?? ''}:${locale ?? ''}:${saves}`);

  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <Failure error={list.error} onRetry={list.reload} />;
  const template = list.data.items.find((t) => t.id === id);
  if (!template) return <Failure error={new Error(`message template ${id} not found`)} />;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="muted">
            <Link to="/journeys">Journeys</Link> · templates
          </p>
          <h1>{template.name}</h1>
          <p className="muted">
            {template.channel === 'email' ? 'E-mail' : 'In-app message'} · {template.id} · locales {template.locales.join(', ')}
          </p>
        </div>
      </header>
      <section className="card">
        <div className="card-header template-controls">
          <SegmentedControl
            label="Locale"
            options={[{ value: '', label: 'Contact’s locale' }, ...template.locales.map((l) => ({ value: l, label: l }))]}
            value={locale ?? ''}
            onChange={(value) => setLocale(value || undefined)}
          />
          <form
            className="field-inline"
            onSubmit={(event) => {
              event.preventDefault();
              setForContact(userId.trim() || undefined);
            }}
          >
            <input className="input" aria-label="Preview for user id" placeholder="user id (empty: sample data)" value={userId} onChange={(e) => setUserId(e.target.value)} />
            <button type="submit" className="button">
              Preview
            </button>
          </form>
        </div>
        {template.channel === 'email' && <TestSendForm id={id} userId={forContact} locale={locale} />}
        {preview.status === 'loading' && <Loading />}
        {preview.status === 'error' && <Failure error={preview.error} />}
        {preview.status === 'ready' && (
          <div className="template-preview" data-testid="template-preview" data-locale={preview.data.locale}>
            <p className="muted">
              Rendered in <b>{preview.data.locale}</b> for {preview.data.contact ?? 'sample data'}
            </p>
            {preview.data.channel === 'email' ? (
              <>
                <h3 data-testid="preview-subject">{preview.data.subject}</h3>
                <iframe title="HTML part" sandbox="" srcDoc={preview.data.html} className="template-html" />
                <pre className="template-text">{preview.data.text}</pre>
              </>
            ) : (
              <>
                <h3 data-testid="preview-subject">{preview.data.title}</h3>
                <iframe title="Body" sandbox="" srcDoc={preview.data.body} className="template-html" />
              </>
            )}
          </div>
        )}
      </section>
      <EditorSection label="Template definition" openLabel="Edit template">
        {() => (
          <TemplateEditor
            id={id}
            onSaved={() => {
              setSaves((n) => n + 1);
              list.reload();
            }}
          />
        )}
      </EditorSection>
    </div>
  );
}

/** The template as YAML, loaded when the editor opens. */
function TemplateEditor({ id, onSaved }: { id: string; onSaved: () => void }) {
  const api = useJourneysApi().templates;
  const spec = useResource(() => api.get(id), `template:${id}`);
  if (spec.status === 'loading') return <Loading />;
  if (spec.status === 'error') return <Failure error={spec.error} onRetry={spec.reload} />;
  const saved = () => {
    spec.reload();
    onSaved();
  };
  return <YamlSpecEditor label="Template as YAML" spec={spec.data} check={(draft) => api.validate(draft)} save={(draft) => api.replace(id, draft)} onSaved={saved} />;
}

/** Sends the preview as it is shown (contact, locale) to an address, and says what happened. */
function TestSendForm({ id, userId, locale }: { id: string; userId: string | undefined; locale: string | undefined }) {
  const api = useJourneysApi().templates;
  const [to, setTo] = useState('');
  const [state, setState] = useState<{ status: 'idle' } | { status: 'sending' } | { status: 'sent'; send: TestSend } | { status: 'error'; message: string }>({ status: 'idle' });
  return (
    <form
      className="field-inline template-test-send"
      onSubmit={(event) => {
        event.preventDefault();
        setState({ status: 'sending' });
        api.testSend(id, { to: to.trim(), ...(userId ? { userId } : {}), ...(locale ? { locale } : {}) }).then(
          (send) => setState({ status: 'sent', send }),
          (error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
      }}
    >
      <input className="input" type="email" aria-label="Send a test to" placeholder="send a test to (e-mail address)" value={to} onChange={(e) => setTo(e.target.value)} required />
      <button type="submit" className="button" disabled={state.status === 'sending'}>
        Send test
      </button>
      <span role="status" data-testid="test-send-result" className={state.status === 'error' ? 'error-text' : 'muted'}>
        {state.status === 'sent' && `Sent “${state.send.subject}” to ${state.send.to} (${state.send.locale})`}
        {state.status === 'error' && state.message}
      </span>
    </form>
  );
}
