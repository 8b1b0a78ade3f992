import { methods, route } from "@/lib/api/handler";
import { checkHealth } from "@/lib/health/check-health";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ auth: "public" }, () => checkHealth()),
});
