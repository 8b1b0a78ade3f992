// Any /api path no route matches: an enveloped RESOURCE_001, whatever the method.
import { notFoundRoute } from "@/lib/api/not-found";

export const GET = notFoundRoute, POST = notFoundRoute, PUT = notFoundRoute, PATCH = notFoundRoute, DELETE = notFoundRoute;
