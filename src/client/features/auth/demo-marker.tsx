/**
 * "Demo – fiktive data" on every screen while the signed-in team is the demo team (`npm run
 * demo`), so nobody mistakes the demo for the real caseload or types a real family into it. A
 * landmark with a name, read by screen readers; also in the window title.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isDemoUser } from '../../../shared/sync/demo-team.ts';
import { useLive } from '../../db/store.ts';
import { getSession } from '../../sync/session.ts';

export function DemoMarker() {
  const { t } = useTranslation();
  const session = useLive(() => getSession(), []);
  const demo = session ? isDemoUser(session.user) : false;
  const title = t('app.demoTitle');
  useEffect(() => {
    if (!demo) return;
    const before = document.title;
    document.title = `${title} · ${before}`;
    return () => {
      document.title = before;
    };
  }, [demo, title]);
  if (!demo) return null;
  return (
    <aside className="demo-marker" aria-label={title}>
      <strong>{title}</strong> <span>{t('app.demoBody')}</span>
    </aside>
  );
}
