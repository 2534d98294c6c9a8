import type { Module, PlatformContext } from '../module.js';
import { createCspReportsModule } from './csp-reports/csp-reports.module.js';
import { createHealthModule } from './health/health.module.js';

/**
 * The composition root: creates every module the platform runs, in the order their routes
 * are registered, and hands each the interfaces of the modules it uses.
 */
export function createPlatformModules(context: PlatformContext): Module[] {
  return [createHealthModule(context), createCspReportsModule(context)];
}
