// Variables in what an agent says: {{lead.first_name}}, {{lead.custom.plan}}, {{agent.name}}…
// A variable may state its own default: {{lead.first_name|there}}. Unknown names are refused when an
// agent is saved; a value missing at run time becomes the stated default, else the variable's own.

const VARIABLE = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;

/** Variables and the value said when a lead has none (custom fields: nothing). */
export const TEMPLATE_VARIABLES: Record<string, string> = {
  "lead.first_name": "there",
  "lead.last_name": "",
  "lead.company": "your company",
  "lead.email": "",
  "lead.phone": "",
  "agent.name": "",
  "organization.name": "our company",
  "callback.time": "later",
};
const CUSTOM = /^lead\.custom\.[A-Za-z0-9_]{1,64}$/;

export type TemplateValues = Record<string, string | null | undefined>;

export function unknownVariables(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? "";
    if (!(name in TEMPLATE_VARIABLES) && !CUSTOM.test(name)) unknown.push(name || "(empty)");
  }
  // A lone "{{" or "}}" is a typo the speaker would read out.
  if (/\{\{|\}\}/.test(text.replace(VARIABLE, ""))) unknown.push("(unclosed {{ }})");
  return unknown;
}

export function renderTemplate(text: string, values: TemplateValues): string {
  return text
    .replace(VARIABLE, (_, name: string, fallback: string | undefined) => {
      const value = values[name];
      if (value != null && String(value).trim() !== "") return String(value).trim();
      return fallback ?? TEMPLATE_VARIABLES[name] ?? "";
    })
    .replace(/\s+([,.!?;:])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}
