import { describe, expect, it } from "vitest";
import { RECORDING_GRACE_MS, activeSegmentIndex, recordingState, sameRecording } from "@/components/calls/call-media";

const lines = [
  { start: 0, end: 3.2 },
  { start: 3.2, end: 6 },
  { start: 7.5, end: 10 },
];

describe("the transcript line being heard", () => {
  it("is the one whose [start, end) holds the time", () => {
    expect(activeSegmentIndex(lines, 0)).toBe(0);
    expect(activeSegmentIndex(lines, 3.19)).toBe(0);
    // The end is exclusive: at 3.2 the next line has begun.
    expect(activeSegmentIndex(lines, 3.2)).toBe(1);
    expect(activeSegmentIndex(lines, 9.99)).toBe(2);
  });

  it("is none between lines, past the end, or for a bad time", () => {
    expect(activeSegmentIndex(lines, 6.5)).toBe(-1);
    expect(activeSegmentIndex(lines, 10)).toBe(-1);
    expect(activeSegmentIndex(lines, -1)).toBe(-1);
    expect(activeSegmentIndex(lines, Number.NaN)).toBe(-1);
    expect(activeSegmentIndex([], 1)).toBe(-1);
  });

  it("prefers the line that started last when two overlap (both sides talking)", () => {
    const overlapping = [
      { start: 0, end: 5 },
      { start: 4, end: 8 },
    ];
    expect(activeSegmentIndex(overlapping, 4.5)).toBe(1);
    expect(activeSegmentIndex(overlapping, 3)).toBe(0);
  });
});

describe("signed recording links", () => {
  it("are the same recording when only the signature changes", () => {
    const a = "/api/storage/objects/recordings/call_1.wav?expires=1&signature=aaa";
    const b = "/api/storage/objects/recordings/call_1.wav?expires=2&signature=bbb";
    expect(sameRecording(a, b)).toBe(true);
    expect(sameRecording(a, "/api/storage/objects/recordings/call_2.wav?expires=1&signature=aaa")).toBe(false);
    expect(sameRecording("https://cdn.example/r.wav?x=1", "https://other.example/r.wav?x=1")).toBe(false);
  });
});

describe("what to say while there is no recording", () => {
  const ended = "2026-11-30T15:05:00Z";
  const endedMs = Date.parse(ended);
  const base = { recording_url: null, status: "completed" as const, answered_at: "2026-11-30T15:00:20Z", ended_at: ended };

  it("plays it when there is a link", () => {
    expect(recordingState({ ...base, recording_url: "/r.wav" }, endedMs)).toBe("ready");
  });

  it("waits while the call is on", () => {
    expect(recordingState({ ...base, status: "in_progress", ended_at: null }, endedMs)).toBe("live");
    expect(recordingState({ ...base, status: "ringing", answered_at: null, ended_at: null }, endedMs)).toBe("live");
  });

  it("is being processed for a while after an answered call ends, then there is none", () => {
    expect(recordingState(base, endedMs + 1000)).toBe("processing");
    expect(recordingState(base, endedMs + RECORDING_GRACE_MS + 1)).toBe("none");
  });

  it("never comes for a call no one answered", () => {
    expect(recordingState({ ...base, status: "failed", answered_at: null }, endedMs + 1000)).toBe("none");
  });
});
