export function PageHeader({
  title,
  description,
  actions,
  level = 1,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  /** 2 for a section inside a page that already has its h1 (settings sub-pages). */
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <Heading className={level === 1 ? "text-2xl font-semibold tracking-tight text-slate-900" : "text-lg font-semibold text-slate-900"}>
          {title}
        </Heading>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}
