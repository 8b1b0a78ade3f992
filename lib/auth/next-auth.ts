import "server-only";
// Dashboard sign-in with next-auth's credentials provider: the same password check and brute-force
// limit as POST /api/auth/login. The cookie carries the sign-in session id (`sid`), so signing out or
// deactivating the user ends the cookie on the server too.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ApiError } from "@/lib/api/errors";
import { authSecret } from "@/lib/auth/secret";
import { verifyCredentials } from "@/lib/auth/login";
import { enforcePublicQuota } from "@/lib/api/quota";
import { clientAddress } from "@/lib/api/client-address";
import { loginSchema } from "@/lib/auth/schemas";
import { revokeSession, startSession } from "@/lib/auth/sessions";

const DASHBOARD_SESSION_SECONDS = 7 * 86_400;

let options: NextAuthOptions | undefined;

export function nextAuthOptions(): NextAuthOptions {
  // next-auth builds its URLs from NEXTAUTH_URL; default it to this server so no set-up is needed.
  process.env.NEXTAUTH_URL ??= process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: DASHBOARD_SESSION_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse({ email: credentials?.email, password: credentials?.password });
          if (!parsed.success) throw new Error("Enter a valid email and password");
          try {
            // The same limits as POST /api/auth/login: per address, then per account and address.
            const headers = new Headers();
            for (const [name, value] of Object.entries(req?.headers ?? {})) if (typeof value === "string") headers.set(name, value);
            await enforcePublicQuota(headers);
            const user = await verifyCredentials(parsed.data, clientAddress(headers));
            const sid = await startSession(user, "dashboard");
            return { id: user.id, email: user.email, name: user.name, sid };
          } catch (error) {
            // next-auth shows the thrown message on the sign-in page; ApiError messages are safe to show.
            if (error instanceof ApiError) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sid?: string }).sid;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid, "sign_out");
      },
    },
  };
  return options;
}
