import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, ValidationFailed, type Condition, type FieldIssue, type SegmentDefinition, type SegmentPreview, type SubjectKind } from '../api-client';
import { Failure, Loading } from '../components/page-states';
import { useSegmentsApi } from '../components/segment-api-context';
import { ConditionEditor, formPaths } from '../components/segment-condition-editor';
import { FieldIssues, TextField } from '../components/segment-fields';
import { MemberList } from '../components/segment-member-list';
import { SegmentedControl } from '../components/segmented-control';
import { formatInteger } from '../format';
import { Link, navigate } from '../router';
import { useResource } from '../use-resource';

/** How long typing must pause before the preview asks the server. */
const PREVIEW_DELAY_MS = 300;

const NEW_SEGMENT: SegmentDefinition = { id: '', name: '', subject: 'account', condition: { all: [] } };

/** Builds a new segment (`id` absent) or edits one, with a live count of who it would hold. */
export function SegmentBuilderPage({ id }: { id?: string }) {
  const api = useSegmentsApi();
  const segments = useResource(() => api.list(), 'segments');
  const existing = useResource(() => (id ? api.get(id).then((r) => r.segment) : Promise.resolve(NEW_SEGMENT)), id ?? '(new)');
  const title = id ? `Edit ${existing.data?.name ?? id}` : 'New segment';
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/segments">Segments</Link>
        <span className="sep">/</span>
        {id && (
          <>
            <Link to={`/segments/${encodeURIComponent(id)}`}>{existing.data?.name ?? id}</Link>
            <span className="sep">/</span>
          </>
        )}
        <span>{id ? 'Edit' : 'New'}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">Compose who belongs; the preview counts them as you type</p>
        </div>
      </header>
      {(existing.status === 'loading' || segments.status === 'loading') && <Loading />}
      {existing.status === 'error' && <Failure error={existing.error} onRetry={existing.reload} />}
      {segments.status === 'error' && <Failure error={segments.error} onRetry={segments.reload} />}
      {existing.status === 'ready' && segments.status === 'ready' && <SegmentBuilder initial={existing.data} editing={id !== undefined} segments={segments.data.items} />}
    </div>
  );
}

type Preview = { status: 'waiting' } | { status: 'ready'; data: SegmentPreview } | { status: 'invalid'; last?: SegmentPreview } | { status: 'error'; message: string };

/** "Enterprise accounts" -> "enterprise-accounts": a new segment's id follows its name until edited. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function SegmentBuilder({ initial, editing, segments }: { initial: SegmentDefinition; editing: boolean; segments: SegmentDefinition[] }) {
  const api = useSegmentsApi();
  const [draft, setDraft] = useState<SegmentDefinition>(initial);
  const [idEdited, setIdEdited] = useState(editing);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [preview, setPreview] = useState<Preview>({ status: 'waiting' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // In the JSON view the text is the definition; it is sent as written, so the server judges it.
  const body: unknown = useMemo(() => {
    if (view === 'form') return withoutEmptyDescription(draft);
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return undefined;
    }
  }, [view, draft, json]);

  // Debounced preview; an answer to an older draft is dropped.
  const latest = useRef(0);
  useEffect(() => {
    if (body === undefined) return;
    const request = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const draftBody = body as Partial<SegmentDefinition>;
      // Id and name are placeholders until given, so the count shows before they are chosen.
      const asked = typeof body === 'object' && body !== null ? { ...draftBody, id: draftBody.id || 'new-segment', name: draftBody.name || 'New segment' } : body;
      setPreview((p) => (p.status === 'ready' ? { status: 'invalid', last: p.data } : p));
      api.preview(asked, controller.signal).then(
        (data) => {
          if (request !== latest.current) return;
          setPreview({ status: 'ready', data });
          setIssues([]);
        },
        (error: unknown) => {
          if (request !== latest.current || controller.signal.aborted) return;
          if (error instanceof ValidationFailed) {
            setIssues(error.issues);
            setPreview((p) => ({ status: 'invalid', last: p.status === 'invalid' ? p.last : undefined }));
          } else setPreview({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body, api]);

  const update = (next: Partial<SegmentDefinition>) => setDraft((d) => ({ ...d, ...next }));
  const setName = (name: string) => update(idEdited ? { name } : { name, id: slugOf(name) });

  const switchView = (next: string) => {
    if (next === view) return;
    if (next === 'json') {
      setJson(JSON.stringify(withoutEmptyDescription(draft), null, 2));
      setJsonProblem(null);
      setView('json');
      return;
    }
    const parsed = body as Partial<SegmentDefinition> | undefined;
    const condition = parsed?.condition as unknown;
    const formable = parsed && typeof parsed === 'object' && (parsed.subject === 'account' || parsed.subject === 'contact') && typeof condition === 'object' && condition !== null && Object.keys(condition).length === 1;
    if (!formable) {
      setJsonProblem('The form needs valid JSON with a subject (account or contact) and a condition of one kind; fix it here first.');
      return;
    }
    setDraft({ id: String(parsed.id ?? ''), name: String(parsed.name ?? ''), description: typeof parsed.description === 'string' ? parsed.description : undefined, subject: parsed.subject!, condition: parsed.condition! });
    setIdEdited(true);
    setView('form');
  };

  const save = async () => {
    if (body === undefined) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = editing ? await api.replace(initial.id, body) : await api.create(body);
      navigate(`/segments/${encodeURIComponent(saved.segment.id)}`);
    } catch (error) {
      if (error instanceof ValidationFailed) {
        setIssues(error.issues);
        setSaveError('Not saved: fix the problems marked below.');
      } else setSaveError(error instanceof ApiError || error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  const context = { issues, segments: segments.filter((s) => s.id !== draft.id) };
  const shown = new Set(view === 'form' ? ['id', 'name', 'description', 'subject', ...formPaths(draft.condition)] : []);
  const elsewhere = issues.filter((issue) => !shown.has(issue.path));

  return (
    <div className="builder">
      <div className="builder-main">
        <div className="builder-toolbar">
          <SegmentedControl label="Editor" options={[{ value: 'form', label: 'Form' }, { value: 'json', label: 'JSON' }]} value={view} onChange={switchView} />
          <span className="builder-toolbar-actions">
            <Link to={editing ? `/segments/${encodeURIComponent(initial.id)}` : '/segments'} className="button button-ghost">
              Cancel
            </Link>
            <button type="button" className="button button-primary" onClick={save} disabled={saving || body === undefined}>
              {saving ? 'Saving…' : 'Save segment'}
            </button>
          </span>
        </div>
        {saveError && (
          <div className="form-error" role="alert">
            {saveError}
          </div>
        )}
        {elsewhere.length > 0 && (
          <ul className="builder-issues" aria-label="Problems">
            {elsewhere.map((issue, index) => (
              <li key={index}>
                <span className="mono">{issue.path}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        {view === 'json' ? (
          <section className="card">
            <label className="builder-json-label" htmlFor="segment-json">
              Definition as JSON
            </label>
            <textarea id="segment-json" className="input builder-json" spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
            {body === undefined && <div className="field-issue">Not valid JSON yet.</div>}
            {jsonProblem && <div className="field-issue">{jsonProblem}</div>}
          </section>
        ) : (
          <>
            <section className="card">
              <h2 className="card-title">Segment</h2>
              <div className="builder-row">
                <TextField label="Name" path="name" issues={issues} value={draft.name} placeholder="Enterprise accounts" onChange={setName} wide />
                <TextField
                  label="Id"
                  path="id"
                  issues={issues}
                  value={draft.id}
                  placeholder="enterprise-accounts"
                  disabled={editing}
                  onChange={(id) => {
                    setIdEdited(true);
                    update({ id });
                  }}
                />
              </div>
              <TextField label="Description" path="description" issues={issues} value={draft.description ?? ''} placeholder="Who this is, in a sentence" onChange={(description) => update({ description })} wide />
              <div className="builder-field">
                <span className="builder-label">Who it holds</span>
                <SegmentedControl
                  label="Subject"
                  options={[
                    { value: 'account', label: 'Accounts' },
                    { value: 'contact', label: 'Contacts' },
                  ]}
                  value={draft.subject}
                  onChange={(subject) => update({ subject: subject as SubjectKind })}
                />
                <FieldIssues issues={issues} path="subject" />
              </div>
            </section>
            <section className="card">
              <h2 className="card-title">Conditions</h2>
              <ConditionEditor condition={draft.condition} path="condition" subject={draft.subject} context={context} onChange={(condition: Condition) => update({ condition })} />
            </section>
          </>
        )}
      </div>
      <aside className="builder-side" aria-label="Preview">
        <PreviewCard preview={preview} subject={view === 'form' ? draft.subject : ((body as { subject?: SubjectKind } | undefined)?.subject ?? draft.subject)} />
      </aside>
    </div>
  );
}

function PreviewCard({ preview, subject }: { preview: Preview; subject: SubjectKind }) {
  const data = preview.status === 'ready' ? preview.data : preview.status === 'invalid' ? preview.last : undefined;
  const noun = subject === 'account' ? 'accounts' : 'contacts';
  return (
    <section className="card preview-card">
      <div className="card-header">
        <h2>Preview</h2>
        {preview.status !== 'ready' && preview.status !== 'error' && <span className="spinner" aria-hidden="true" />}
      </div>
      <div className={data && preview.status === 'ready' ? 'preview-count' : 'preview-count preview-stale'} data-testid="preview-count" aria-live="polite">
        {data ? formatInteger(data.count) : '—'}
      </div>
      <div className="muted small">
        {preview.status === 'invalid' && !data ? 'Fix the marked problems to see who matches' : preview.status === 'error' ? preview.message : `${noun} match now`}
      </div>
      {data && data.subjects.length > 0 && (
        <>
          <h3 className="preview-sample-title">{data.count > data.subjects.length ? `First ${data.subjects.length}` : 'All of them'}</h3>
          <MemberList subject={subject} members={data.subjects} label="Sample members" />
        </>
      )}
    </section>
  );
}

function withoutEmptyDescription(draft: SegmentDefinition): SegmentDefinition {
  const { description, ...rest } = draft;
  return description ? { ...rest, description } : rest;
}
