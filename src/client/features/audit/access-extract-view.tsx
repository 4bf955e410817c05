/**
 * A citizen's access extract on screen and on A4 (styles.css print rules): a heading that names
 * the citizen, when it was made and by whom, then one table row per event, oldest first, with the
 * server's time and, for what a tablet recorded, the tablet's own clock.
 */
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ExtractRow } from './extract-rows.ts';

type Props = {
  title: string;
  subtitle: string;
  rows: ExtractRow[];
  truncated: boolean;
  onPrint: () => void;
  onCsv: () => void;
  onRefresh: () => void;
};

/** Date and time in the UI language; a second time on the same day as the first shows the time only. */
function useTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const short = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  return (iso: string, sameDayAs?: string) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const other = sameDayAs ? new Date(sameDayAs) : null;
    return other && other.toDateString() === d.toDateString() ? short.format(d) : full.format(d);
  };
}

export function AccessExtractView({ title, subtitle, rows, truncated, onPrint, onCsv, onRefresh }: Props) {
  const { t } = useTranslation();
  const time = useTime();
  return (
    <section className="card access-extract" aria-labelledby="access-extract-heading">
      <div className="card__head">
        <div>
          <h2 id="access-extract-heading">{title}</h2>
          <p className="muted access-extract__meta">{subtitle}</p>
        </div>
        <div className="access-extract__actions">
          <button type="button" className="button button--small" onClick={onRefresh}>
            {t('accessLog.refresh')}
          </button>
          <button type="button" className="button button--small" onClick={onPrint}>
            {t('accessLog.print')}
          </button>
          <button type="button" className="button button--primary button--small" onClick={onCsv}>
            {t('accessLog.csv')}
          </button>
        </div>
      </div>
      {truncated ? <p className="notice">{t('accessLog.truncated')}</p> : null}
      {rows.length === 0 ? (
        <p className="muted">{t('accessLog.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table access-extract__table">
            <caption className="visually-hidden">{t('accessLog.tableCaption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accessLog.columns.at')}</th>
                <th scope="col">{t('accessLog.columns.user')}</th>
                <th scope="col">{t('accessLog.columns.action')}</th>
                <th scope="col">{t('accessLog.columns.what')}</th>
                <th scope="col">{t('accessLog.columns.child')}</th>
                <th scope="col">{t('accessLog.columns.device')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list in server order; events have no id
                <tr key={i}>
                  <td>
                    {time(r.at)}
                    {r.deviceAt ? (
                      <span className="access-extract__device-time">
                        {t('accessLog.deviceTime', { time: time(r.deviceAt, r.at) })}
                      </span>
                    ) : null}
                  </td>
                  <td>{r.user}</td>
                  <td>{r.action}</td>
                  <td>{r.what}</td>
                  <td>{r.child}</td>
                  <td>{r.device}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
