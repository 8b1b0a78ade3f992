"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NavItem } from "@/components/dashboard/nav-items";
import { SidebarNav } from "@/components/dashboard/sidebar-nav";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";

/** Below the lg breakpoint the sidebar becomes a menu that drops down from the top bar. */
export function MobileNav({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="lg:hidden">
      <button
        ref={buttonRef}
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? "Close navigation" : "Open navigation"}
        className="-ml-1.5 rounded-lg p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        {open ? <CloseIcon className="size-6" /> : <MenuIcon className="size-6" />}
      </button>
      {open ? (
        <>
          <div className="fixed inset-0 top-16 z-30 bg-slate-900/20" aria-hidden="true" onClick={() => setOpen(false)} />
          <nav
            id={panelId}
            aria-label="Main"
            className="absolute inset-x-0 top-16 z-40 border-b border-slate-200 bg-white px-4 py-3 shadow-lg"
          >
            <SidebarNav items={items} onNavigate={() => setOpen(false)} />
          </nav>
        </>
      ) : null}
    </div>
  );
}
