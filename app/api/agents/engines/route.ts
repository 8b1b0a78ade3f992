import { methods, route } from "@/lib/api/handler";
import { listEngines } from "@/lib/agents/list-engines";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "agents.view" }, async () => listEngines()),
});
