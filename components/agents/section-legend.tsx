/** A section's title (the fieldset's legend) and what it is for. */
export function SectionLegend({ title, description, id }: { title: string; description?: React.ReactNode; id?: string }) {
  return (
    <>
      <legend id={id} className="text-base font-semibold text-slate-900">
        {title}
      </legend>
      {description ? <p className="-mt-3 text-sm text-slate-600">{description}</p> : null}
    </>
  );
}
