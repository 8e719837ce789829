/** The default clock wait; callers take an injected one in tests. */
export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
