/** What an admin screen shows offline or after a failed load: a clear message and "try again". */
import { useTranslation } from '../../i18n/use-translation.ts';
import { adminErrorText } from './admin-errors.ts';

export function AdminUnavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="notice" role="alert">
      <p>{adminErrorText(t, error)}</p>
      <button type="button" className="button" onClick={retry}>
        {t('admin.retry')}
      </button>
    </section>
  );
}
