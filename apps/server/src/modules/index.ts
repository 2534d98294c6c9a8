import type { Module, PlatformContext } from '../module.js';
import { createAccessLogModule } from './access-log/access-log.module.js';
import { createCspReportsModule } from './csp-reports/csp-reports.module.js';
import { createDemoModule } from './demo/demo.module.js';
import { createExchangeModule } from './exchange/exchange.module.js';
import { createHealthModule } from './health/health.module.js';
import { createProfileModule } from './profile/profile.module.js';
import { createSessionsModule } from './sessions/sessions.module.js';

/**
 * The composition root: creates every module the platform runs, in the order they start and
 * their routes are registered, and hands each the interfaces of the modules it uses.
 */
export function createPlatformModules(context: PlatformContext): Module[] {
  const sessions = createSessionsModule(context);
  const accessLog = createAccessLogModule(context, { sessions: sessions.sessions });
  const exchange = createExchangeModule(context, { accessLog: accessLog.accessLog });
  return [
    createHealthModule(context),
    createCspReportsModule(context),
    sessions,
    accessLog,
    exchange,
    createDemoModule(context, { sessions: sessions.sessions, exchange }),
    createProfileModule({ sessions: sessions.sessions, exchange }),
  ];
}
