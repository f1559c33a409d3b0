export { DEMO_API_KEY, startMockServer, type MockServer, type MockServerOptions, type MockTimings, type ReceivedRequest } from "./server.js";
export type { Fault } from "./faults.js";
export type { GenerationStatus, Row } from "./queue.js";
