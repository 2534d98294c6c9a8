import type { Module } from '../module.js';
import { cspReportsModule } from './csp-reports/csp-reports.module.js';
import { healthModule } from './health/health.module.js';

/** Every module the platform runs, in the order their routes are registered. */
export const platformModules: readonly Module[] = [healthModule, cspReportsModule];
