/**
 * "Demo – fiktive data" on every screen while the signed-in team is the demo team (`npm run
 * demo`; the layout renders it only then, see isDemoUser), so nobody mistakes the demo for the real
 * caseload or types a real family into it. A landmark with a name, read by screen readers; also
 * in the window title.
 */
import { useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';

export function DemoMarker() {
  const { t } = useTranslation();
  const title = t('demo.title');
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · ${before}`;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <aside className="demo-marker" aria-label={title}>
      <strong>{title}</strong> <span>{t('demo.body')}</span>
    </aside>
  );
}
