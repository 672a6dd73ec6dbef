// autocannon ships no types; this declares the part of its API the load benchmark calls.
declare module 'autocannon' {
  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    requests?: AutocannonRequest[];
    headers?: Record<string, string>;
  }
  function autocannon(options: AutocannonOptions): Promise<unknown>;
  export default autocannon;
}
