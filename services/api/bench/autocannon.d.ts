/** autocannon ships no types; these are the parts the benches use. */
declare module 'autocannon' {
  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  interface AutocannonRequestSpec extends AutocannonRequest {
    /** called before each request; answers the request to send */
    setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  }

  interface AutocannonOptions {
    url: string;
    connections?: number;
    /** seconds */
    duration?: number;
    requests?: AutocannonRequestSpec[];
  }

  interface AutocannonStats {
    average: number;
    p50: number;
    p99: number;
  }

  export interface AutocannonResult {
    requests: AutocannonStats;
    latency: AutocannonStats;
    '2xx': number;
    non2xx: number;
    errors: number;
    /** answers per HTTP status, e.g. `{ '201': { count: 9000 }, '409': { count: 3 } }` */
    statusCodeStats?: Record<string, { count: number }>;
  }

  const autocannon: (options: AutocannonOptions) => Promise<AutocannonResult>;
  export default autocannon;
}
