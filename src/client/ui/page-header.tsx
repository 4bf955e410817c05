/** The heading row of a screen: an optional back link, the page title (h1) and actions. */
import type { ReactNode } from 'react';
import { Link } from 'wouter';

type Props = { title: string; subtitle?: ReactNode; back?: { to: string; label: string }; actions?: ReactNode };

export function PageHeader({ title, subtitle, back, actions }: Props) {
  return (
    <header className="page-header">
      {back ? (
        <Link href={back.to} className="page-header__back">
          <span aria-hidden="true">←</span> {back.label}
        </Link>
      ) : null}
      <div className="page-header__row">
        <div>
          <h1 className="page-header__title">{title}</h1>
          {subtitle ? <div className="page-header__subtitle">{subtitle}</div> : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}
