import { notFound } from "next/navigation";

// Any path no dashboard page claims: answer 404 inside the shell (app/(dashboard)/not-found.tsx),
// with the sidebar and a way back, instead of Next's bare page. /api paths have their own enveloped 404.
export default function MissingDashboardPage(): never {
  notFound();
}
