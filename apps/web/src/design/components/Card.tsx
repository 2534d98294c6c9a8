import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface CardProps {
  children: ReactNode;
  /** A quiet card is for what cannot be acted on yet. */
  quiet?: boolean;
  /** A card with a destination is one link, so the whole card is the target. */
  to?: string;
  className?: string;
}

export function Card({ children, quiet, to, className }: CardProps) {
  const classes = `card${quiet ? ' card--quiet' : ''}${className ? ` ${className}` : ''}`;
  return to ? (
    <Link to={to} className={classes}>
      {children}
    </Link>
  ) : (
    <div className={classes}>{children}</div>
  );
}
