// React's Flight client as Next bundles it: the access matrix (e2e) encodes server-action
// arguments with it exactly as the browser does. Only the function it uses is declared.
declare module "next/dist/compiled/react-server-dom-turbopack/client.node" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
}
