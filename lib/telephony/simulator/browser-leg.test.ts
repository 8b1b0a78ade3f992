import { describe, expect, it } from "vitest";
import { BrowserLeg } from "@/lib/telephony/simulator/browser-leg";

describe("BrowserLeg", () => {
  it("replays past events to a late subscriber, then live ones; nothing after the end", () => {
    const leg = new BrowserLeg("browser_1", "user_1");
    leg.emit({ type: "ringing" });
    leg.emit({ type: "answered" });
    const seen: string[] = [];
    const unsubscribe = leg.subscribe((e) => seen.push(e.type));
    leg.emit({ type: "listen", timeout: 5 });
    leg.emit({ type: "ended", reason: "completed" });
    leg.emit({ type: "play", url: null, text: "too late", speaker: "agent" });
    unsubscribe();
    expect(seen).toEqual(["ringing", "answered", "listen", "ended"]);
    expect(leg.ended).toBe(true);
    expect(leg.send({ text: "hello?" })).toBe(false);
  });

  it("hands what was said to the waiting call, queues it when nobody waits, and times out to silence", async () => {
    const leg = new BrowserLeg("browser_2", "user_1");
    const never = new AbortController().signal;
    const waiting = leg.next(1_000, never);
    expect(leg.send({ text: "yes please" })).toBe(true);
    expect(await waiting).toEqual({ text: "yes please" });
    leg.send({ hangup: true });
    expect(await leg.next(1_000, never)).toEqual({ hangup: true });
    expect(await leg.next(20, never)).toBeNull();
    const aborted = new AbortController();
    const pending = leg.next(10_000, aborted.signal);
    aborted.abort();
    expect(await pending).toBeNull();
  });

  it("tells the call at once when the person hangs up, even with nobody listening", () => {
    const leg = new BrowserLeg("browser_3", "user_1");
    let hungUp = 0;
    leg.onHangup = () => hungUp++;
    leg.send({ text: "hello" });
    expect(hungUp).toBe(0);
    leg.send({ hangup: true });
    expect(hungUp).toBe(1);
  });
});
