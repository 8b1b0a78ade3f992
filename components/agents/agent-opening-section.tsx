"use client";

import { Card } from "@/components/ui/card";
import { SectionLegend } from "@/components/agents/section-legend";
import { TemplateField } from "@/components/agents/template-field";

export function AgentOpeningSection() {
  return (
    <Card>
      <fieldset className="space-y-5">
        <SectionLegend title="Opening" description="What every call starts with, before the flow's first step." />
        <TemplateField
          name="disclosure"
          id="agent-disclosure"
          label="Disclosure"
          hint="Required: says that this is an automated AI voice and who it calls for. “This call is recorded.” follows when the campaign records calls."
          rows={2}
        />
        <TemplateField
          name="first_message"
          id="agent-first-message"
          label="First message"
          hint="Why you are calling, in a sentence or two."
          placeholder="Hi {{lead.first_name}}, I'm calling about your subscription with {{organization.name}}."
          rows={3}
        />
      </fieldset>
    </Card>
  );
}
