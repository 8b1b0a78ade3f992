"use client";

import { useEffect, useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { VOICE_CATEGORIES, VOICE_GENDERS, VOICE_PROVIDERS } from "@/lib/voice/schemas";
import { errorMessage } from "@/lib/client/api-client";
import { formatNumber } from "@/lib/client/format";
import { useDebouncedValue } from "@/lib/client/hooks/use-debounced-value";
import { useVoices } from "@/components/voices/hooks/use-voices";
import { useVoice } from "@/components/voices/hooks/use-voice";
import { voiceKeys } from "@/components/voices/query-keys";
import type { CloneStarted, Voice, VoiceCategory, VoiceGender, VoiceListFilters, VoiceProvider } from "@/components/voices/types";
import { CATEGORY_LABELS, GENDER_LABELS, PROVIDER_LABELS, languageGroups, languageName } from "@/components/voices/voice-labels";
import { VoiceCard } from "@/components/voices/voice-card";
import { TryVoiceDialog } from "@/components/voices/try-voice-dialog";
import { CloneVoiceDialog } from "@/components/voices/clone-voice-dialog";
import { RenameVoiceDialog } from "@/components/voices/rename-voice-dialog";
import { DeleteVoiceDialog } from "@/components/voices/delete-voice-dialog";
import { MicIcon, SparkIcon, WaveformIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SearchField } from "@/components/ui/search-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";

const PAGE_SIZE = 24;
const SEARCH_DELAY_MS = 300;
/** The whole library (up to the API's page limit), for the language filter and the "Try" picker. */
const DIRECTORY: VoiceListFilters = { page: 1, limit: 100, sort: "name" };

const SORTS = {
  name: { label: "Name (A–Z)", sort: "name", order: "asc" },
  newest: { label: "Newest first", sort: "created_at", order: "desc" },
  language: { label: "Language", sort: "language", order: "asc" },
} as const;
type SortChoice = keyof typeof SORTS;

type Notice = { tone: "success" | "error"; text: string };

export function VoiceLibrary({ canManage }: { canManage: boolean }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [provider, setProvider] = useState<VoiceProvider | "">("");
  const [language, setLanguage] = useState("");
  const [gender, setGender] = useState<VoiceGender | "">("");
  const [category, setCategory] = useState<VoiceCategory | "">("");
  const [sort, setSort] = useState<SortChoice>("name");
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  // The page belongs to one set of filters: changing any filter starts again at page 1.
  const filterKey = JSON.stringify([debouncedSearch, provider, language, gender, category, sort]);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const [tryOpen, setTryOpen] = useState(false);
  const [tryVoice, setTryVoice] = useState<Voice | null>(null);
  const [tryText, setTryText] = useState("");
  const [cloneOpen, setCloneOpen] = useState(false);
  const [renaming, setRenaming] = useState<Voice | null>(null);
  const [deleting, setDeleting] = useState<Voice | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [newClone, setNewClone] = useState<{ id: string; name: string } | null>(null);

  const voices = useVoices({
    search: debouncedSearch || undefined,
    provider: provider || undefined,
    language: language || undefined,
    gender: gender || undefined,
    category: category || undefined,
    sort: SORTS[sort].sort,
    order: SORTS[sort].order,
    page,
    limit: PAGE_SIZE,
  });
  const directory = useVoices(DIRECTORY, { poll: false });
  const filtered = Boolean(debouncedSearch || provider || language || gender || category);

  const library = useMemo(() => directory.data?.data ?? [], [directory.data]);
  const languages = useMemo(() => languageGroups([...library.map((v) => v.language), ...(language ? [language] : [])]), [library, language]);
  const providers = useMemo(() => {
    const found = new Set(library.filter((v) => !v.owned).map((v) => v.provider));
    return VOICE_PROVIDERS.filter((p) => found.has(p) || p === "builtin");
  }, [library]);
  const readyVoices = useMemo(() => library.filter((v) => v.status === "ready"), [library]);

  // The clone started here: followed until it is ready or failed, then every list refreshes.
  const tracked = useVoice(newClone?.id ?? null);
  const trackedStatus = tracked.data?.status;
  useEffect(() => {
    if (trackedStatus === "ready" || trackedStatus === "failed") void queryClient.invalidateQueries({ queryKey: voiceKeys.lists() });
  }, [trackedStatus, queryClient]);

  function clearFilters() {
    setSearch("");
    setProvider("");
    setLanguage("");
    setGender("");
    setCategory("");
  }

  function openTry(voice: Voice | null) {
    setTryVoice(voice ?? readyVoices[0] ?? voices.data?.data.find((v) => v.status === "ready") ?? null);
    setTryOpen(true);
  }

  function cloneStarted(started: CloneStarted, name: string) {
    setCloneOpen(false);
    setNotice(null);
    setNewClone({ id: started.voice_id, name });
    // Show it: newest first, no filters that could hide it.
    clearFilters();
    setSort("newest");
  }

  const list = voices.data?.data ?? [];
  const total = voices.data?.pagination.total ?? 0;

  return (
    <>
      <PageHeader
        title="Voices"
        description="The voices your AI agent can speak with. Play a sample, try one with your own words, or clone a voice."
        actions={
          canManage ? (
            <>
              <Button variant="secondary" onClick={() => openTry(null)} disabled={readyVoices.length === 0 && !list.some((v) => v.status === "ready")}>
                <SparkIcon className="size-4" />
                Try a voice
              </Button>
              <Button onClick={() => setCloneOpen(true)}>
                <MicIcon className="size-4" />
                Clone a voice
              </Button>
            </>
          ) : null
        }
      />

      <div className="space-y-4">
        {newClone ? (
          <CloneNotice
            name={tracked.data?.name ?? newClone.name}
            voice={tracked.data}
            error={tracked.isError ? errorMessage(tracked.error) : null}
            canTry={canManage}
            onTry={(voice) => openTry(voice)}
            onDismiss={() => setNewClone(null)}
          />
        ) : null}
        {notice ? (
          <Alert tone={notice.tone} onDismiss={() => setNotice(null)} data-testid="voices-notice">
            {notice.text}
          </Alert>
        ) : null}

        <div
          className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,1.5fr)_repeat(3,minmax(0,1fr))] xl:grid-cols-[minmax(0,1fr)_13rem_repeat(3,9.5rem)]"
          role="search"
          aria-label="Filter voices"
        >
          <div className="col-span-2 sm:col-span-4 xl:col-span-1">
            <SearchField id="voices-search" label="Search voices" placeholder="Search by name or description" value={search} onChange={setSearch} maxLength={100} />
          </div>
          <FilterSelect id="voices-language-filter" label="Filter by language" value={language} onChange={setLanguage}>
            <option value="">All languages</option>
            {languages.map((group) => (
              <optgroup key={group.base} label={group.name}>
                {group.tags.length !== 1 ? <option value={group.base}>{`${group.name} (all regions)`}</option> : null}
                {/* Names only: a closed select has room for little more (the cards show the tags). */}
                {group.tags.map((tag) => (
                  <option key={tag} value={tag}>
                    {languageName(tag)}
                  </option>
                ))}
              </optgroup>
            ))}
          </FilterSelect>
          <FilterSelect id="voices-gender-filter" label="Filter by gender" value={gender} onChange={(v) => setGender(v as VoiceGender | "")}>
            <option value="">All genders</option>
            {VOICE_GENDERS.map((g) => (
              <option key={g} value={g}>
                {GENDER_LABELS[g]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="voices-category-filter" label="Filter by style" value={category} onChange={(v) => setCategory(v as VoiceCategory | "")}>
            <option value="">All styles</option>
            {VOICE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="voices-provider-filter" label="Filter by provider" value={provider} onChange={(v) => setProvider(v as VoiceProvider | "")}>
            <option value="">All providers</option>
            {VOICE_PROVIDERS.filter((p) => providers.includes(p) || p === provider).map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </FilterSelect>
        </div>

        {voices.isPending ? (
          <div data-testid="voices-loading">
            <span className="sr-only" role="status">
              Loading voices…
            </span>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
              {[0, 1, 2, 3, 4, 5].map((i) => (
                <li key={i} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                  <Skeleton className="h-5 w-32" />
                  <Skeleton className="h-4 w-48" />
                  <div className="flex gap-2">
                    <Skeleton className="h-5 w-16 rounded-full" />
                    <Skeleton className="h-5 w-24 rounded-full" />
                  </div>
                  <Skeleton className="h-9 w-full" />
                </li>
              ))}
            </ul>
          </div>
        ) : voices.isError ? (
          <Alert tone="error" title="The voices could not be loaded" data-testid="voices-error">
            <p>{errorMessage(voices.error)}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => voices.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : list.length === 0 ? (
          <EmptyState
            icon={<WaveformIcon className="size-6" />}
            title={filtered ? "No voices match these filters" : "The library is empty"}
            description={filtered ? "Try another language, gender, style or search." : canManage ? "Clone a voice to add your own." : undefined}
            action={
              filtered ? (
                <Button variant="secondary" onClick={clearFilters}>
                  Reset filters
                </Button>
              ) : null
            }
          />
        ) : (
          <section aria-labelledby="voices-list-heading" aria-busy={voices.isFetching || undefined}>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
              <h2 id="voices-list-heading" className="text-sm text-slate-600" aria-live="polite" data-testid="voices-count">
                {filtered
                  ? `${formatNumber(total)} ${total === 1 ? "voice matches" : "voices match"} these filters`
                  : `${formatNumber(total)} ${total === 1 ? "voice" : "voices"}`}
              </h2>
              <div className="flex items-center gap-2">
                <Label htmlFor="voices-sort" className="shrink-0 text-slate-600">
                  Sort by
                </Label>
                <Select id="voices-sort" value={sort} onChange={(event) => setSort(event.target.value as SortChoice)} className="w-40">
                  {(Object.keys(SORTS) as SortChoice[]).map((key) => (
                    <option key={key} value={key}>
                      {SORTS[key].label}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {list.map((voice) => (
                <VoiceCard
                  key={voice.id}
                  voice={voice}
                  canManage={canManage}
                  highlighted={voice.id === newClone?.id}
                  onTry={openTry}
                  onEdit={(v) => {
                    setNotice(null);
                    setRenaming(v);
                  }}
                  onDelete={(v) => {
                    setNotice(null);
                    setDeleting(v);
                  }}
                />
              ))}
            </ul>
            <Pagination
              pagination={voices.data.pagination}
              itemCount={list.length}
              disabled={voices.isFetching}
              label="Voice pages"
              onPageChange={(next) => setPaging({ filterKey, page: next })}
            />
          </section>
        )}
      </div>

      {canManage ? (
        <>
          <TryVoiceDialog
            open={tryOpen}
            onClose={() => setTryOpen(false)}
            voice={tryVoice}
            voices={readyVoices}
            onVoiceChange={setTryVoice}
            text={tryText}
            onTextChange={setTryText}
          />
          <CloneVoiceDialog
            open={cloneOpen}
            onClose={() => setCloneOpen(false)}
            onStarted={cloneStarted}
            providers={providers}
            libraryLanguages={library.map((v) => v.language)}
          />
          <RenameVoiceDialog
            voice={renaming}
            onClose={() => setRenaming(null)}
            onSaved={(voice) => {
              setRenaming(null);
              setNotice({ tone: "success", text: `The voice is now called “${voice.name}”.` });
            }}
          />
          <DeleteVoiceDialog
            voice={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(voice) => {
              setDeleting(null);
              if (newClone?.id === voice.id) setNewClone(null);
              setNotice({ tone: "success", text: `“${voice.name}” was deleted.` });
            }}
          />
        </>
      ) : null}
    </>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0">
      <Label htmlFor={id} className="sr-only">
        {label}
      </Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </Select>
    </div>
  );
}

/** Follows the clone started on this page: training → ready (try it) or failed (why). */
function CloneNotice({
  name,
  voice,
  error,
  canTry,
  onTry,
  onDismiss,
}: {
  name: string;
  voice: Voice | undefined;
  error: string | null;
  canTry: boolean;
  onTry: (voice: Voice) => void;
  onDismiss: () => void;
}) {
  if (error) {
    return (
      <Alert tone="error" title={`“${name}” could not be followed`} onDismiss={onDismiss} data-testid="clone-notice">
        {error}
      </Alert>
    );
  }
  if (voice?.status === "failed") {
    return (
      <Alert tone="error" title={`“${name}” could not be cloned`} onDismiss={onDismiss} data-testid="clone-notice">
        {voice.failure_reason ?? "Training failed."} Delete it and try again with another recording.
      </Alert>
    );
  }
  if (voice?.status === "ready") {
    return (
      <Alert tone="success" title={`“${name}” is ready`} onDismiss={onDismiss} data-testid="clone-notice">
        <p>Play its sample below{canTry ? " or try it with your own words" : ""}.</p>
        {canTry ? (
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => onTry(voice)}>
            Try {name}
          </Button>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={`“${name}” is training`} onDismiss={onDismiss} data-testid="clone-notice">
      This usually takes under a minute. The voice is listed below as training, and this page updates by itself.
    </Alert>
  );
}
