import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/client';
import { Button } from '../design/components/Button';
import { Card } from '../design/components/Card';
import { TextField } from '../design/components/TextField';
import { useI18n } from '../i18n/i18n';

interface Member {
  id: string;
  name: string;
  services: string[];
  keyIds: string[];
  runs: string;
}
interface Grant {
  client: string;
  provider: string;
  service: string;
  purposes: string[];
}
interface LogCheck {
  member: string;
  ok: boolean;
  count: number;
  detail?: string;
}
interface MemberLog {
  member: string;
  entries: {
    seq: number;
    at: number;
    direction: string;
    client: string;
    provider: string;
    service: string;
    purpose: string;
    status: string;
    requestId: string;
  }[];
}

const TOKEN_KEY = 'deed.admin-token';

/** The administrator's view of the exchange: members, access rights, message logs. */
export function AdminPage() {
  const { t, formatDateTime } = useI18n();
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [members, setMembers] = useState<{ members: Member[]; logs: LogCheck[] } | undefined>();
  const [grants, setGrants] = useState<Grant[]>([]);
  const [logs, setLogs] = useState<MemberLog[] | undefined>();

  const call = useCallback(
    async <T,>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
      const response = await fetch(path, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      if (response.status === 204) return undefined as T;
      const body = await response.json();
      if (!response.ok) throw new ApiProblem(response.status, body.type, body.title, body.detail);
      return body as T;
    },
    [token],
  );

  const reload = useCallback(async () => {
    try {
      setMembers(await call('/api/admin/exchange/members'));
      setGrants((await call<{ grants: Grant[] }>('/api/admin/exchange/rights')).grants);
      setError(undefined);
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken('');
        setError(t('admin.badToken'));
      } else setError((failure as Error).message);
    }
  }, [call, t]);

  useEffect(() => {
    if (token) void reload();
  }, [token, reload]);

  if (!token) {
    const open = (event: FormEvent) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, draft.trim());
      setToken(draft.trim());
    };
    return (
      <div className="stack">
        <h1>{t('admin.title')}</h1>
        <Card>
          <form className="stack" onSubmit={open}>
            <TextField
              label={t('admin.tokenLabel')}
              hint={t('admin.tokenHint')}
              type="password"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              {...(error ? { error } : {})}
            />
            <Button type="submit">{t('admin.open')}</Button>
          </form>
        </Card>
      </div>
    );
  }

  const revoke = async (g: Grant) => {
    await call(`/api/admin/exchange/rights?${new URLSearchParams({ client: g.client, provider: g.provider, service: g.service })}`, {
      method: 'DELETE',
    });
    await reload();
  };
  const grant = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [provider, service] = String(form.get('target')).split('/');
    try {
      await call('/api/admin/exchange/rights', {
        method: 'PUT',
        body: {
          client: String(form.get('client')),
          provider,
          service,
          purposes: String(form.get('purposes'))
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        },
      });
      await reload();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const search = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const caseId = String(new FormData(event.currentTarget).get('caseId')).trim();
    setLogs((await call<{ logs: MemberLog[] }>(`/api/admin/exchange/messages?${new URLSearchParams({ caseId })}`)).logs);
  };
  const targets = members?.members.flatMap((m) => m.services.map((s) => `${m.id}/${s}`)) ?? [];

  return (
    <div className="stack">
      <div className="log__head">
        <h1>{t('admin.title')}</h1>
        <Button
          variant="ghost"
          onClick={() => {
            sessionStorage.removeItem(TOKEN_KEY);
            setToken('');
          }}
        >
          {t('admin.signOut')}
        </Button>
      </div>
      {error && (
        <Card>
          <p role="alert">{error}</p>
        </Card>
      )}
      <Card>
        <h2>{t('admin.members')}</h2>
        {/* Wide tables scroll sideways on a phone; the region takes focus so a keyboard can scroll it. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('admin.members')}>
          <table className="data">
            <thead>
              <tr>
                <th>Id</th>
                <th>{t('admin.runs')}</th>
                <th>{t('admin.services')}</th>
                <th>{t('admin.chain')}</th>
              </tr>
            </thead>
            <tbody>
              {members?.members.map((m) => {
                const check = members.logs.find((l) => l.member === m.id);
                return (
                  <tr key={m.id}>
                    <td>
                      <strong>{m.id}</strong>
                      <div className="muted">{m.name}</div>
                    </td>
                    <td>{m.runs}</td>
                    <td>{m.services.join(', ')}</td>
                    <td data-testid={`chain-${m.id}`}>
                      {check
                        ? check.ok
                          ? t('admin.chainOk', { count: check.count })
                          : t('admin.chainBroken', { detail: check.detail ?? '' })
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <h2>{t('admin.rights')}</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('admin.rights')}>
          <table className="data" data-testid="rights">
            <thead>
              <tr>
                <th>{t('admin.client')}</th>
                <th>
                  {t('admin.provider')} / {t('admin.service')}
                </th>
                <th>{t('admin.purposes')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={`${g.client}|${g.provider}|${g.service}`}>
                  <td>{g.client}</td>
                  <td>
                    {g.provider}/{g.service}
                  </td>
                  <td>{g.purposes.join(', ')}</td>
                  <td>
                    <Button variant="ghost" aria-label={`${t('admin.revoke')} ${g.provider}/${g.service}`} onClick={() => void revoke(g)}>
                      {t('admin.revoke')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form className="form-row" onSubmit={(e) => void grant(e)}>
          <div className="field">
            <label htmlFor="grant-client">{t('admin.client')}</label>
            <input id="grant-client" name="client" defaultValue="deed-platform" required />
          </div>
          <div className="field">
            <label htmlFor="grant-target">
              {t('admin.provider')} / {t('admin.service')}
            </label>
            <select id="grant-target" name="target" className="select">
              {targets.map((target) => (
                <option key={target}>{target}</option>
              ))}
            </select>
          </div>
          <TextField label={t('admin.purposes')} hint={t('admin.purposesHint')} name="purposes" required />
          <Button type="submit">{t('admin.grant')}</Button>
        </form>
      </Card>
      <Card>
        <h2>{t('admin.messages')}</h2>
        <form className="form-row" onSubmit={(e) => void search(e)}>
          <TextField label={t('admin.caseId')} name="caseId" required />
          <Button type="submit">{t('admin.search')}</Button>
        </form>
        {logs && logs.every((l) => l.entries.length === 0) && <p>{t('admin.noMessages')}</p>}
        {logs
          ?.filter((l) => l.entries.length > 0)
          .map((l) => (
            <div
              key={l.member}
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-label={l.member}
              data-testid={`messages-${l.member}`}
            >
              <h3>{l.member}</h3>
              <table className="data">
                <tbody>
                  {l.entries.map((e) => (
                    <tr key={e.seq}>
                      <td>#{e.seq}</td>
                      <td>{formatDateTime(new Date(e.at).toISOString())}</td>
                      <td>{e.direction}</td>
                      <td>
                        {e.client} → {e.provider}/{e.service}
                      </td>
                      <td>{e.purpose}</td>
                      <td>{e.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </Card>
    </div>
  );
}
