import crypto from 'node:crypto';
import { Client, httpTransport, inProcessTransport, type Directory, type ServiceDefinition, type Transport } from '@deed/exchange';
import { PLATFORM_MEMBER, signingKeyOf } from '../../exchange/members.js';
import type { MessageLogEntry, SqlMessageLog } from '../../exchange/sql-message-log.js';
import type { KeyStore } from '../../platform/keys/key-store.js';
import type { RegisterHost } from '../../registers/register-host.js';
import type { AccessLog } from '../access-log/access-log.js';

export interface CallOptions<In> {
  /** Why: a purpose code that the provider's access rights name. */
  purpose: string;
  /** On whose behalf: the citizen's UNZR. The access goes into their access log. */
  citizen?: string;
  /** Groups the calls of one case (an application, a sign-in); a new id by default. */
  caseId?: string;
  body: In;
}

export interface MemberLog {
  member: string;
  entries: MessageLogEntry[];
}

/**
 * The platform as a member of the exchange: every call is signed, sent to the register (in this
 * process or over HTTP), verified, written to the platform's message log, and, when it is on a
 * citizen's behalf, recorded in that citizen's access log.
 */
export class PlatformExchange {
  readonly client: Client;

  constructor(
    readonly directory: Directory,
    platformKeys: KeyStore,
    readonly messageLog: SqlMessageLog,
    private readonly hosts: ReadonlyMap<string, RegisterHost>,
    private readonly accessLog: AccessLog,
  ) {
    const local = inProcessTransport([...hosts.values()].map((host) => host.provider));
    const remote = httpTransport({ fetch: (url, init) => fetch(url, init), baseUrl: (id) => directory.baseUrl(id) });
    const transport: Transport = (provider, jws) => (hosts.has(provider) ? local(provider, jws) : remote(provider, jws));
    this.client = new Client({
      signingKey: signingKeyOf(PLATFORM_MEMBER, platformKeys),
      resolveKey: directory.resolveKey,
      transport,
      log: messageLog,
    });
  }

  call<In, Out>(provider: string, service: ServiceDefinition<In, Out>, options: CallOptions<In>): Promise<Out>;
  call(provider: string, service: string, options: CallOptions<unknown>): Promise<unknown>;
  async call(provider: string, service: ServiceDefinition<unknown, unknown> | string, options: CallOptions<unknown>): Promise<unknown> {
    const caseId = options.caseId ?? crypto.randomUUID();
    const name = typeof service === 'string' ? service : service.name;
    const body = await this.client.call(provider, name, { purpose: options.purpose, citizen: options.citizen, caseId, body: options.body });
    if (options.citizen) {
      await this.accessLog.append({
        citizen: options.citizen,
        actor: PLATFORM_MEMBER,
        action: `${provider}/${name}`,
        purpose: options.purpose,
        caseId,
      });
    }
    return body;
  }

  /** The message logs this node can read (the platform's and its in-process registers'), for one case. */
  async messagesOfCase(caseId: string): Promise<MemberLog[]> {
    const logs: [string, SqlMessageLog][] = [
      [PLATFORM_MEMBER, this.messageLog],
      ...[...this.hosts].map(([id, host]): [string, SqlMessageLog] => [id, host.messageLog]),
    ];
    return Promise.all(logs.map(async ([member, log]) => ({ member, entries: await log.byCase(caseId) })));
  }

  /** Whether each readable message log's hash chain is intact. */
  async verifyLogs(): Promise<{ member: string; ok: boolean; count: number; detail?: string }[]> {
    const logs: [string, SqlMessageLog][] = [
      [PLATFORM_MEMBER, this.messageLog],
      ...[...this.hosts].map(([id, host]): [string, SqlMessageLog] => [id, host.messageLog]),
    ];
    return Promise.all(
      logs.map(async ([member, log]) => {
        const result = await log.verify();
        return result.ok ? { member, ok: true, count: result.count } : { member, ok: false, count: result.seq - 1, detail: result.detail };
      }),
    );
  }

  isLocal(member: string): boolean {
    return this.hosts.has(member);
  }
}
