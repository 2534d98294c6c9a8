import type { ReactNode } from 'react';

export function Badge({ tone, children }: { tone: 'pending' | 'success' | 'danger'; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
