/** A read-only record as label/value rows (a signed visit, a handover, a meeting); '–' for empty. */
export function DetailList({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="prewrap">{value || '–'}</dd>
        </div>
      ))}
    </dl>
  );
}
