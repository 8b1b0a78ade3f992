// The recording analysis behind the built-in engine's offline clones (no database, no HTTP): decode
// an upload, measure its speech, judge it, map it onto espeak. Each function lives in its own file;
// this entry only names the module's public surface.
export { decodeRecording, sniffContainer, MAX_RECORDING_BYTES, MAX_DECODED_SECONDS, type DecodedRecording, type Container } from "@/lib/voice/analysis/decode";
export { analyzeSpeech, analyzeSpeechAsync, type Recording, type SpeechAnalysis } from "@/lib/voice/analysis/analyze";
export { judgeRecording, MIN_SPEECH_SECONDS, type RecordingVerdict } from "@/lib/voice/analysis/judge";
export { builtinCloneParams, espeakVoiceFor, FEMALE_VARIANT_FROM_HZ, CLONE_VARIANTS, type BuiltinCloneParams } from "@/lib/voice/analysis/clone-params";
