// Where a clone's recording waits for its training job (a module of its own so the job, which the job
// registry imports, does not import the request side and its enqueue — that would be an import cycle).
export const cloneUploadKey = (voiceId: string) => `voices/uploads/${voiceId}`;
