/** Unknown path inside the app. */
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('app.notFound')} back={{ to: paths.families, label: t('app.backToFamilies') }} />;
}
