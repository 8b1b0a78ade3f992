import { describe, expect, it } from "vitest";
import { createPlaybackQueue, playbackFor, type PlaybackItem } from "@/components/calls/playback-queue";

const audio = (id: number): PlaybackItem => ({ kind: "audio", id, url: `/a/${id}.mp3` });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A player whose items finish when the test says so, recording starts, ends and overlaps. */
function fakePlayer() {
  const started: number[] = [];
  const finished: number[] = [];
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let playing = 0;
  let maxPlaying = 0;
  const player = (item: PlaybackItem, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      started.push(item.id);
      playing++;
      maxPlaying = Math.max(maxPlaying, playing);
      const done = () => {
        playing--;
        finished.push(item.id);
      };
      pending.set(item.id, {
        resolve: () => {
          done();
          resolve();
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      signal.addEventListener("abort", () => {
        done();
        resolve();
      });
    });
  return {
    player,
    started,
    finished,
    finish: async (id: number) => {
      pending.get(id)!.resolve();
      await tick();
    },
    fail: async (id: number) => {
      pending.get(id)!.reject(new Error("decode error"));
      await tick();
    },
    get maxPlaying() {
      return maxPlaying;
    },
  };
}

describe("the leg's audio queue", () => {
  it("plays lines in the order they arrived, one at a time", async () => {
    const fake = fakePlayer();
    const now: (number | null)[] = [];
    const queue = createPlaybackQueue(fake.player, (id) => now.push(id));
    queue.push(audio(1));
    queue.push(audio(2));
    queue.push(audio(3));
    await tick();
    expect(fake.started).toEqual([1]);
    expect(queue.pending).toBe(3);
    await fake.finish(1);
    expect(fake.started).toEqual([1, 2]);
    // A line arriving while one plays waits its turn.
    queue.push(audio(4));
    await fake.finish(2);
    await fake.finish(3);
    await fake.finish(4);
    expect(fake.started).toEqual([1, 2, 3, 4]);
    expect(fake.finished).toEqual([1, 2, 3, 4]);
    expect(fake.maxPlaying).toBe(1);
    expect(queue.pending).toBe(0);
    expect(now).toEqual([1, 2, 3, 4, null]);
  });

  it("skips a line that cannot be played and goes on", async () => {
    const fake = fakePlayer();
    const queue = createPlaybackQueue(fake.player);
    queue.push(audio(1));
    queue.push(audio(2));
    await tick();
    await fake.fail(1);
    expect(fake.started).toEqual([1, 2]);
    await fake.finish(2);
    expect(queue.pending).toBe(0);
  });

  it("stop() cuts the line playing, drops the rest, and the queue plays again afterwards", async () => {
    const fake = fakePlayer();
    const queue = createPlaybackQueue(fake.player);
    queue.push(audio(1));
    queue.push(audio(2));
    await tick();
    queue.stop();
    await tick();
    expect(fake.started).toEqual([1]);
    expect(queue.pending).toBe(0);
    queue.push(audio(3));
    await tick();
    expect(fake.started).toEqual([1, 3]);
    expect(fake.maxPlaying).toBe(1);
  });
});

describe("what a play event sounds like", () => {
  it("its audio when there is a file, else its words spoken, else nothing", () => {
    expect(playbackFor({ type: "play", url: "/v/1.mp3", text: "Hi", speaker: "agent" }, 3)).toEqual({ kind: "audio", id: 3, url: "/v/1.mp3" });
    expect(playbackFor({ type: "play", url: null, text: " How much is it? ", speaker: "lead" }, 4)).toEqual({ kind: "speech", id: 4, text: "How much is it?", speaker: "lead" });
    expect(playbackFor({ type: "play", url: null, text: null, speaker: "whisper" }, 5)).toBeNull();
    expect(playbackFor({ type: "listen", timeout: 5 }, 6)).toBeNull();
  });
});
