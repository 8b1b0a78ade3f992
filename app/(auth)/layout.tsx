import { Providers } from "@/app/providers";
import { LogoMark } from "@/components/ui/icons";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <Providers>
      <div className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
        <div className="mb-6 flex items-center gap-2 text-slate-900">
          <span className="flex size-9 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm">
            <LogoMark className="size-5" />
          </span>
          <span className="text-xl font-semibold tracking-tight">Vocelio</span>
        </div>
        <main id="main" className="w-full max-w-sm">
          {children}
        </main>
      </div>
    </Providers>
  );
}
