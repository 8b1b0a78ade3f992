import { useEffect, useRef, useState, useSyncExternalStore } from "react";

// The browser's speech recognition (SpeechRecognition, webkitSpeechRecognition in Chrome and Safari),
// typed here by what is used: it is not in TypeScript's DOM library.
type RecognitionResultList = ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }>;
type Recognition = {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { results: RecognitionResultList }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start: () => void;
  stop: () => void;
  abort: () => void;
};
type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | null {
  if (typeof window === "undefined") return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

const noSubscription = () => () => {};

const ERROR_TEXT: Record<string, string> = {
  "not-allowed": "The microphone is blocked for this site.",
  "service-not-allowed": "Speech recognition is not allowed in this browser.",
  "no-speech": "No speech was heard. Try again.",
  "audio-capture": "No microphone was found.",
  network: "Speech recognition needs a network connection.",
};

/**
 * Dictation into a text box where the browser offers it: `onText` hears the words so far (interim
 * results included) until the speaker pauses.
 */
export function useSpeechInput(onText: (text: string) => void) {
  const supported = useSyncExternalStore(noSubscription, () => recognitionClass() !== null, () => false);
  const [listening, setListening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recognition = useRef<Recognition | null>(null);
  const onTextRef = useRef(onText);

  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => () => recognition.current?.abort(), []);

  function start() {
    const Recognition = recognitionClass();
    if (!Recognition || recognition.current) return;
    const r = new Recognition();
    r.lang = navigator.language || "en-US";
    r.interimResults = true;
    r.continuous = false;
    r.onresult = (event) => {
      let text = "";
      for (let i = 0; i < event.results.length; i++) text += event.results[i]![0]?.transcript ?? "";
      onTextRef.current(text.trim());
    };
    r.onerror = (event) => {
      if (event.error !== "aborted") setError(ERROR_TEXT[event.error] ?? "Speech recognition stopped.");
    };
    r.onend = () => {
      recognition.current = null;
      setListening(false);
    };
    setError(null);
    recognition.current = r;
    try {
      r.start();
      setListening(true);
    } catch {
      recognition.current = null;
      setError("Speech recognition could not start.");
    }
  }

  function stop() {
    recognition.current?.stop();
  }

  return { supported, listening, error, start, stop };
}
